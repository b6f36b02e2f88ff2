<#--
  One text or password field in the GOV.UK Design System's order: label, hint, error message, then the
  input, which names the hint and the error in aria-describedby. The error is Keycloak's message for
  that field; what the person typed is given back as value (never for passwords).
-->
<#macro field name label type="text" value="" autocomplete="" hint="" error="" autofocus=false>
    <#assign describedBy = [] + hint?has_content?then([name + "-hint"], []) + error?has_content?then([name + "-error"], [])>
    <div class="field<#if error?has_content> field--error</#if>">
        <label for="${name}">${label}</label>
        <#if hint?has_content><p class="hint" id="${name}-hint">${hint}</p></#if>
        <#if error?has_content>
            <p class="error-message" id="${name}-error" data-testid="field-error" data-field="${name}"><span class="visually-hidden">Error:</span> ${kcSanitize(error)?no_esc}</p>
        </#if>
        <input id="${name}" name="${name}" type="${type}"<#if type != "password"> value="${value}"</#if><#if autocomplete?has_content> autocomplete="${autocomplete}"</#if><#if type == "text" || type == "email"> spellcheck="false"</#if><#if error?has_content> aria-invalid="true"</#if><#if describedBy?has_content> aria-describedby="${describedBy?join(' ')}"</#if><#if autofocus> autofocus</#if>>
    </div>
</#macro>

<#-- The first error Keycloak recorded for any of these fields, or "". The user profile's generic
     "required" message becomes the field's own ("Enter your last name") where the theme has one. -->
<#function errorFor fields...>
    <#list fields as f>
        <#if messagesPerField.existsError(f)>
            <#local text = messagesPerField.get(f)>
            <#local own = "missing" + f?cap_first + "Message">
            <#if text == msg("error-user-attribute-required") && msg(own) != own>
                <#return msg(own)>
            </#if>
            <#return text>
        </#if>
    </#list>
    <#return "">
</#function>
