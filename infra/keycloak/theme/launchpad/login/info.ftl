<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        <#if messageHeader??>${kcSanitize(msg("${messageHeader}"))?no_esc}<#else>${kcSanitize(message.summary)?no_esc}</#if>
    <#elseif section = "form">
        <div id="kc-info-message">
            <#if messageHeader?? || requiredActions??>
                <p class="lead">${kcSanitize(message.summary)?no_esc}</p>
            </#if>
            <#if requiredActions??>
                <ul class="list">
                    <#list requiredActions as action><li>${kcSanitize(msg("requiredAction.${action}"))?no_esc}</li></#list>
                </ul>
            </#if>
            <#if !skipLink??>
                <#if pageRedirectUri?has_content>
                    <p><a class="button-link" id="kc-back-to-application" href="${pageRedirectUri}">${msg("backToApplication")}</a></p>
                <#elseif actionUri?has_content>
                    <p><a class="button-link" id="kc-proceed" href="${actionUri}">${msg("proceedWithAction")}</a></p>
                <#elseif (client.baseUrl)?has_content>
                    <p><a class="button-link" id="kc-back-to-application" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
