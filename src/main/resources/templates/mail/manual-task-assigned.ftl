Subject: [${reference}] Manual task for you: ${action} on ${system}, due ${dueAt}
A data-subject request of ${controllerName} (reference ${reference}) needs you to ${action} on ${system}, which has no
connector. You are this system's owner.

What to do:
${instructions}

Due: ${dueAt}

Look up the request's identities in the operator API (GET /api/v1/admin/requests/${requestId}), do the work, then
record the result (Bearer token, X-Operator: your name):

  POST /api/v1/admin/tasks/${taskId}/complete
  {"outcome": "erased" | "found" | "nothing" | "retained", "note": "what you did",
   "attachment": {"name": "export.csv", "contentType": "text/csv", "content": "<base64>"}}

You will be reminded before the due time; a task still open then is escalated to the privacy officer.
