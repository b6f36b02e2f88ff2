<#--
  The layout of every sign-in page: the web site's header, one narrow column, the GOV.UK error summary
  at the top when something needs fixing, and the page's own form. Pages pass the names of their fields
  (errorFields) so the summary can link each problem to its field; a problem that belongs to no field
  (an expired link, say) is listed without a link.
-->
<#import "fields.ftl" as fields>
<#macro registrationLayout bodyClass="" displayInfo=false displayMessage=true displayRequiredFields=false errorFields=[]>
<#assign summary = []>
<#-- an entry is a field name, or "key:anchor" when Keycloak files the error under another name than the field's id -->
<#list errorFields as entry>
    <#assign key = entry?keep_before(':')>
    <#assign anchor = entry?contains(':')?then(entry?keep_after(':'), entry)>
    <#if messagesPerField.existsError(key)>
        <#assign text = fields.errorFor(key)>
        <#if !(summary?filter(item -> item.text == text)?has_content)>
            <#assign summary = summary + [{"field": anchor, "text": text}]>
        </#if>
    </#if>
</#list>
<#assign globalError = displayMessage && message?has_content && message.type == 'error'>
<#assign hasErrors = summary?has_content || globalError>
<#assign heading><#nested "header"></#assign>
<!DOCTYPE html>
<html lang="${lang!'en'}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title><#if hasErrors>Error: </#if>${heading?markup_string?replace('<[^>]*>', '', 'r')?trim?no_esc} – Launchpad</title>
    <#list (properties.styles!'')?split(' ') as style>
        <#if style?has_content><link href="${url.resourcesPath}/${style}" rel="stylesheet"></#if>
    </#list>
    <#-- Keycloak's own checks that this sign-in is still current in other tabs (base theme scripts) -->
    <script type="module">
        <#outputformat "JavaScript">
        import { startSessionPolling } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        startSessionPolling(${url.ssoLoginInOtherTabsUrl?c});
        </#outputformat>
    </script>
    <#if authenticationSession??>
    <script type="module">
        <#outputformat "JavaScript">
        import { checkAuthSession } from ${(url.resourcesPath + "/js/authChecker.js")?c};
        checkAuthSession(${authenticationSession.authSessionIdHash?c});
        </#outputformat>
    </script>
    </#if>
</head>
<body class="kc-page" data-page-id="login-${pageId}">
<header class="site-header">
    <a class="skip-link" href="#main">Skip to main content</a>
    <div class="wrap site-header__bar">
        <#if (client.baseUrl)?has_content>
            <a class="brand" href="${client.baseUrl}">${realm.displayName!'Launchpad'}</a>
        <#else>
            <span class="brand">${realm.displayName!'Launchpad'}</span>
        </#if>
    </div>
</header>
<main id="main" class="wrap kc-main" tabindex="-1">
    <div class="kc-column">
        <#if hasErrors>
            <div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1"
                 data-testid="error-summary">
                <h2 class="error-summary__title" id="error-summary-title">There is a problem</h2>
                <ul class="error-summary__list">
                    <#list summary as item>
                        <li><a href="#${item.field}">${kcSanitize(item.text)?no_esc}</a></li>
                    </#list>
                    <#if globalError>
                        <li>${kcSanitize(message.summary)?no_esc}</li>
                    </#if>
                </ul>
            </div>
        </#if>
        <#if displayMessage && message?has_content && message.type != 'error' && (message.type != 'warning' || !isAppInitiatedAction??)>
            <div class="notice notice--${message.type}" role="status" data-testid="kc-message">
                <p>${kcSanitize(message.summary)?no_esc}</p>
            </div>
        </#if>

        <h1 id="kc-page-title">${heading?markup_string?trim?no_esc}</h1>

        <#nested "form">

        <#if auth?has_content && auth.showTryAnotherWayLink()>
            <form id="kc-select-try-another-way-form" action="${url.loginAction}" method="post">
                <input type="hidden" name="tryAnotherWay" value="on">
                <button type="submit" class="link-button" id="try-another-way">${msg("doTryAnotherWay")}</button>
            </form>
        </#if>

        <#nested "socialProviders">

        <#if displayInfo>
            <div id="kc-info" class="kc-info">
                <#nested "info">
            </div>
        </#if>
    </div>
</main>
<footer class="site-footer">
    <div class="wrap">
        <p>Launchpad brings housing associations and technology suppliers together.</p>
    </div>
</footer>
</body>
</html>
</#macro>
