Subject: [${reference}] Wir haben Ihre Datenschutzanfrage an ${controllerName} erhalten
<#if requesterName?has_content>Guten Tag ${requesterName},<#else>Guten Tag,</#if>

vielen Dank für Ihre Anfrage an ${controllerName}. Wir haben sie am ${receivedOn} erhalten und ihr das Aktenzeichen ${reference} gegeben. Bitte geben Sie dieses Aktenzeichen an, wenn Sie uns dazu schreiben.

Sie haben uns gebeten:
<#list types as t>
  - ${t}
</#list>

Wie es weitergeht
1. Bevor wir Ihre Anfrage bearbeiten, stellen wir sicher, dass sie von der Person kommt, um deren Daten es geht. Wir schreiben Ihnen dazu über die bei uns hinterlegten Kontaktdaten einen kurzen Bestätigungsschritt. <#if actingForSomeoneElse>Da Sie für eine andere Person handeln, bitten wir außerdem um deren unterschriebene Vollmacht oder einen Nachweis Ihrer Vertretungsbefugnis.</#if>
2. Danach suchen wir Ihre Daten in allen Systemen und bei allen Dienstleistern, die sie speichern<#if erasure>, und löschen, was wir nach dem Gesetz löschen dürfen. Wenn uns ein Gesetz verpflichtet, Daten aufzubewahren, sagen wir Ihnen, welche Daten, warum und bis wann</#if>.
3. Wir senden Ihnen das Ergebnis.

<#if clockStartsAtVerification>Wir antworten innerhalb der Frist, die unsere Datenschutzerklärung verspricht, gerechnet ab der Bestätigung Ihrer Identität.<#elseif dueOn?has_content>Wir antworten spätestens am ${dueOn}.</#if>

Hier können Sie Ihre Anfrage verfolgen:
${statusUrl}

Wenn Sie diese Anfrage nicht gestellt haben oder Fragen haben, antworten Sie auf diese E-Mail oder schreiben Sie an ${contactEmail}.

${controllerName}
