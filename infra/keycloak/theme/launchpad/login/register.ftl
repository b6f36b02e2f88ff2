<#import "template.ftl" as layout>
<#import "fields.ftl" as f>
<#import "register-commons.ftl" as registerCommons>
<#-- The realm's user profile decides the fields (username, email, first and last name by default); the
     passwords follow the field people sign in with. What was typed comes back after an error. -->
<#assign profileFields = profile.attributes?filter(a -> a.name != 'locale')?map(a -> a.name)>
<@layout.registrationLayout displayMessage=messagesPerField.exists('global') errorFields=profileFields + ['password', 'password-confirm', 'termsAccepted']; section>
    <#if section = "header">
        <#if messageHeader??>${kcSanitize(msg("${messageHeader}"))?no_esc}<#else>${msg("registerTitle")}</#if>
    <#elseif section = "form">
        <form id="kc-register-form" class="form" action="${url.registrationAction}" method="post" novalidate>
            <#list profile.attributes as attribute>
                <#if attribute.name == 'locale'>
                    <#if realm.internationalizationEnabled && locale.currentLanguageTag?has_content>
                        <input type="hidden" name="locale" value="${locale.currentLanguageTag}">
                    </#if>
                <#else>
                    <@f.field name=attribute.name label=advancedMsg(attribute.displayName!attribute.name)
                        type=(attribute.name == 'email')?then("email", "text")
                        value=(attribute.value!'') autocomplete=(attribute.autocomplete!'')
                        error=f.errorFor(attribute.name)/>
                    <#if passwordRequired?? && (attribute.name == 'username' || (attribute.name == 'email' && realm.registrationEmailAsUsername))>
                        <@f.field name="password" label=msg("password") type="password" autocomplete="new-password"
                            hint=msg("launchpadPasswordHint") error=f.errorFor('password')/>
                        <@f.field name="password-confirm" label=msg("passwordConfirm") type="password" autocomplete="new-password"
                            error=f.errorFor('password-confirm')/>
                    </#if>
                </#if>
            </#list>

            <@registerCommons.termsAcceptance/>

            <div class="actions">
                <button class="button button--primary" id="kc-register" type="submit">${msg("doRegister")}</button>
            </div>
            <p><a href="${url.loginUrl}">${msg("backToLogin")}</a></p>
        </form>
    </#if>
</@layout.registrationLayout>
