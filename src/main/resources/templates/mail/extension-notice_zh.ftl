Subject: [${reference}] 我们需要更多时间答复您的个人信息请求
<#if requesterName?has_content>${requesterName}，您好：<#else>您好：</#if>

我们就您向${controllerName}提交的个人信息请求（编号 ${reference}）与您联系。

我们无法按原计划于${originalDueOn}前答复，因此需要延长答复期限。我们最迟将于${newDueOn}前答复您。

延期原因：
${reason}

<#if regimeName?has_content>根据${regimeName}，在必要时可以延长答复期限，但须在原期限届满前告知您延期及其原因。</#if><#if authority?has_content>如您对我们处理请求的方式不满意，您有权向${authority}投诉。</#if>

您可以通过以下链接查看请求进度：
${statusUrl}

如有任何疑问，请直接回复本邮件或写信至 ${contactEmail}。

${controllerName}
