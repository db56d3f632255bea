Subject: [${reference}] 请确认您向${controllerName}提交的隐私请求
您好：

我们已收到向${controllerName}提交的隐私请求，编号 ${reference}。在处理之前，请确认该请求确由您本人提出。

您的确认码是：${code}

您可以通过以下任一方式确认：
  - 打开此链接并点击确认按钮（"Confirm"）：${link}
  - 在请求状态页面输入确认码：${statusUrl}
  - 直接回复本邮件并写上确认码。

确认码只能使用一次，有效期为 ${validHours} 小时。输错五次后确认码将被锁定，您可以在状态页面申请新的确认码。如果请求在 ${expireAfterDays} 天内未获确认，我们将关闭该请求，您可以重新提交。

如果您没有提出此请求，无需采取任何行动：未经您的确认，我们不会进行任何处理。

${controllerName}
