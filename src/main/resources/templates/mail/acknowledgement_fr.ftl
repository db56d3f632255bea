Subject: [${reference}] Nous avons bien reçu votre demande relative à vos données (${controllerName})
<#if requesterName?has_content>Bonjour ${requesterName},<#else>Bonjour,</#if>

Merci pour votre demande adressée à ${controllerName}. Nous l'avons reçue le ${receivedOn} et lui avons attribué la référence ${reference}. Merci de rappeler cette référence si vous nous écrivez à ce sujet.

Vous nous avez demandé de :
<#list types as t>
  - ${t}
</#list>

La suite
1. Avant de traiter votre demande, nous vérifions qu'elle émane bien de la personne concernée par les données. Nous vous écrirons à cet effet, aux coordonnées dont nous disposons, pour une courte étape de confirmation. <#if actingForSomeoneElse>Comme vous agissez pour le compte d'une autre personne, nous vous demanderons aussi son mandat signé ou la preuve de votre pouvoir de la représenter.</#if>
2. Nous recherchons ensuite vos données dans tous nos systèmes et chez tous les prestataires qui en détiennent<#if erasure>, et supprimons ce que la loi nous permet de supprimer. Si une loi nous oblige à conserver certaines données, nous vous dirons lesquelles, pourquoi et jusqu'à quand</#if>.
3. Nous vous envoyons le résultat.

<#if clockStartsAtVerification>Nous vous répondrons dans le délai promis par notre politique de confidentialité, à compter de la vérification de votre identité.<#elseif dueOn?has_content>Nous vous répondrons au plus tard le ${dueOn}.</#if>

Vous pouvez suivre votre demande ici :
${statusUrl}

Si vous n'êtes pas à l'origine de cette demande, ou pour toute question, répondez à ce message ou écrivez à ${contactEmail}.

${controllerName}
