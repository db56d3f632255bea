Subject: [${reference}] Your privacy request to ${controllerName} has been closed
Hello,

We asked you to confirm your privacy request ${reference} to ${controllerName}, but it was not confirmed within ${expireAfterDays} days. We have therefore closed it without acting on it.

If you still want us to act, please make a new request. If you have any question, reply to this e-mail or write to ${contactEmail}.

${controllerName}
