Subject: [${reference}] 您向${controllerName}提交的隐私请求已关闭
您好：

我们曾请您确认向${controllerName}提交的隐私请求 ${reference}，但该请求未在 ${expireAfterDays} 天内获得确认，因此我们已关闭该请求，未作任何处理。

如果您仍希望我们处理，请重新提交请求。如有任何疑问，请回复本邮件或写信至 ${contactEmail}。

${controllerName}
