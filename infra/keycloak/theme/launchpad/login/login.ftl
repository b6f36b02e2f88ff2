<#import "template.ftl" as layout>
<#import "fields.ftl" as f>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password') displayInfo=realm.password && realm.registrationAllowed && !registrationDisabled?? errorFields=['username', 'password']; section>
    <#if section = "header">
        ${msg("loginAccountTitle")}
    <#elseif section = "form">
        <#if realm.password>
            <#-- Keycloak reports a wrong username or password on the username field: the message sits there -->
            <form id="kc-form-login" class="form" action="${url.loginAction}" method="post" novalidate>
                <#if !usernameHidden??>
                    <@f.field name="username" label=(!realm.loginWithEmailAllowed)?then(msg("username"), realm.registrationEmailAsUsername?then(msg("email"), msg("usernameOrEmail")))
                        value=(login.username!'') autocomplete="username" error=f.errorFor('username')/>
                </#if>
                <@f.field name="password" label=msg("password") type="password" autocomplete="current-password"
                    error=(usernameHidden??)?then(f.errorFor('username', 'password'), f.errorFor('password'))/>
                <#if realm.rememberMe && !usernameHidden??>
                    <div class="field field--checkbox">
                        <input id="rememberMe" name="rememberMe" type="checkbox"<#if login.rememberMe??> checked</#if>>
                        <label for="rememberMe">${msg("rememberMe")}</label>
                    </div>
                </#if>
                <input type="hidden" id="id-hidden-input" name="credentialId"<#if auth.selectedCredential?has_content> value="${auth.selectedCredential}"</#if>>
                <div class="actions">
                    <button class="button button--primary" name="login" id="kc-login" type="submit">${msg("doLogIn")}</button>
                </div>
                <#if realm.resetPasswordAllowed>
                    <p><a id="kc-forgot-password" href="${url.loginResetCredentialsUrl}">${msg("doForgotPassword")}</a></p>
                </#if>
            </form>
        </#if>
    <#elseif section = "info">
        <#if realm.password && realm.registrationAllowed && !registrationDisabled??>
            <h2>${msg("noAccount")}</h2>
            <p>${msg("launchpadRegisterIntro")}</p>
            <p><a id="kc-register" class="button-link" href="${url.registrationUrl}">${msg("doRegister")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
