<#-- One layout for every account email, inline styles only (mail clients drop style sheets). -->
<#macro emailLayout>
<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Launchpad</title>
</head>
<body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;background:#ffffff">
  <p style="margin:0 0 16px;padding:8px 12px;background:#1d4f91;color:#ffffff;font-weight:bold;font-size:20px">Launchpad</p>
  <p><#if user?? && user.firstName?has_content>Hello ${user.firstName},<#else>Hello,</#if></p>
  <#nested>
  <p>The Launchpad team</p>
</body>
</html>
</#macro>
