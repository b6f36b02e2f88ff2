<#import "template.ftl" as layout>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("pageExpiredTitle")}
    <#elseif section = "form">
        <ul class="list">
            <li><a id="loginRestartLink" href="${url.loginRestartFlowUrl}">${msg("launchpadPageExpiredRestart")}</a></li>
            <li><a id="loginContinueLink" href="${url.loginAction}">${msg("launchpadPageExpiredContinue")}</a></li>
        </ul>
    </#if>
</@layout.registrationLayout>
