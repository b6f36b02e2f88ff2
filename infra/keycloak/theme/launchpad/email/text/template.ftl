<#ftl output_format="plainText">
<#-- The plain-text alternative: the same greeting and sign-off as the HTML. -->
<#macro emailLayout>
<#if user?? && user.firstName?has_content>Hello ${user.firstName},<#else>Hello,</#if>

<#nested>

The Launchpad team
</#macro>
