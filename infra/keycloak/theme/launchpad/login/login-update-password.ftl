<#import "template.ftl" as layout>
<#import "fields.ftl" as f>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password','password-confirm') errorFields=['password:password-new', 'password-new', 'password-confirm']; section>
    <#if section = "header">
        ${msg("updatePasswordTitle")}
    <#elseif section = "form">
        <form id="kc-passwd-update-form" class="form" action="${url.loginAction}" method="post" novalidate>
            <#-- Keycloak files a rejected new password under "password"; the field is called password-new -->
            <@f.field name="password-new" label=msg("passwordNew") type="password" autocomplete="new-password"
                hint=msg("launchpadPasswordHint") error=f.errorFor('password', 'password-new')/>
            <@f.field name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password"
                error=f.errorFor('password-confirm')/>
            <div class="field field--checkbox">
                <input type="checkbox" id="logout-sessions" name="logout-sessions" value="on">
                <label for="logout-sessions">${msg("logoutOtherSessions")}</label>
            </div>
            <div class="actions">
                <button class="button button--primary" name="login" id="kc-update-password" type="submit">${msg("launchpadSavePassword")}</button>
                <#if isAppInitiatedAction??>
                    <button class="button secondary" type="submit" name="cancel-aia" value="true">${msg("doCancel")}</button>
                </#if>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
