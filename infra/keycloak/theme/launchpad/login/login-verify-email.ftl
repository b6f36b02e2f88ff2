<#import "template.ftl" as layout>
<@layout.registrationLayout displayInfo=true; section>
    <#if section = "header">
        ${msg("emailVerifyTitle")}
    <#elseif section = "form">
        <p class="lead" data-testid="verify-email-instruction">
            <#if verifyEmail??>${msg("emailVerifyInstruction1", verifyEmail)}<#else>${msg("emailVerifyInstruction1", user.email)}</#if>
        </p>
        <#if isAppInitiatedAction??>
            <form id="kc-verify-email-form" class="form" action="${url.loginAction}" method="post">
                <div class="actions">
                    <button class="button button--primary" type="submit"><#if verifyEmail??>${msg("emailVerifyResend")}<#else>${msg("emailVerifySend")}</#if></button>
                    <button class="button secondary" type="submit" name="cancel-aia" value="true" formnovalidate>${msg("doCancel")}</button>
                </div>
            </form>
        </#if>
    <#elseif section = "info">
        <#if !isAppInitiatedAction??>
            <p>${msg("emailVerifyInstruction2")} <a id="kc-resend-email" href="${url.loginAction}">${msg("launchpadResendEmail")}</a>.</p>
        </#if>
    </#if>
</@layout.registrationLayout>
