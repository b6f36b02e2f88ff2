<#import "template.ftl" as layout>
<#import "fields.ftl" as f>
<@layout.registrationLayout displayInfo=false displayMessage=!messagesPerField.existsError('username') errorFields=['username']; section>
    <#if section = "header">
        ${msg("emailForgotTitle")}
    <#elseif section = "form">
        <p>${msg("emailInstruction")}</p>
        <form id="kc-reset-password-form" class="form" action="${url.loginAction}" method="post" novalidate>
            <@f.field name="username" label=(!realm.loginWithEmailAllowed)?then(msg("username"), realm.registrationEmailAsUsername?then(msg("email"), msg("usernameOrEmail")))
                value=(auth.attemptedUsername!'') autocomplete="username" error=f.errorFor('username')/>
            <div class="actions">
                <button class="button button--primary" id="kc-reset-password" type="submit">${msg("launchpadSendResetLink")}</button>
            </div>
            <p><a href="${url.loginUrl}">${msg("backToLogin")}</a></p>
        </form>
    </#if>
</@layout.registrationLayout>
