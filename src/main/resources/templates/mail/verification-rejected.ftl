Subject: [${reference}] We could not accept your privacy request to ${controllerName}
Hello,

We could not confirm that the privacy request ${reference} to ${controllerName} was made by the person the data is about, or by someone with their authority. We have therefore closed it without acting on it.

Reason: ${reason}

You can make a new request with the missing proof. If you have any question, reply to this e-mail or write to ${contactEmail}.

${controllerName}
