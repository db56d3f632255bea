Subject: [${reference}] Please confirm your privacy request to ${controllerName}
Hello,

We have received a privacy request to ${controllerName} under the reference ${reference}. Before we act on it, please confirm that it comes from you.

Your confirmation code is: ${code}

You can confirm in one of three ways:
  - open this link and press "Confirm": ${link}
  - enter the code on the status page of your request: ${statusUrl}
  - reply to this e-mail with the code.

The code can be used once and is valid for ${validHours} hours. After five wrong codes it is blocked; you can then ask for a new code on the status page. If your request is not confirmed within ${expireAfterDays} days, it is closed and you can make a new one.

If you did not make this request, you do not need to do anything: nothing happens without your confirmation.

${controllerName}
