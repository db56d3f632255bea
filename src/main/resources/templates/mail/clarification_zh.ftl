Subject: [${reference}] 您希望${controllerName}如何处理您的个人信息？
<#if requesterName?has_content>${requesterName}，您好：<#else>您好：</#if>

感谢您联系${controllerName}。我们已为您的来信分配编号 ${reference}，但无法从中确定您希望我们如何处理您的个人信息。

请直接回复本邮件，告诉我们您希望我们做以下哪些事项（可多选）：
<#list rights as r>
  - ${r}
</#list>

您也可以使用我们的个人信息请求表单：
${formUrl}

收到您的回复后，我们将继续处理您的请求。

${controllerName}
