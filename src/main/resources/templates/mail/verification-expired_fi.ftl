Subject: [${reference}] Tietosuojapyyntösi yritykselle ${controllerName} on suljettu
Hei,

Pyysimme sinua vahvistamaan tietosuojapyyntösi ${reference} yritykselle ${controllerName}, mutta sitä ei vahvistettu ${expireAfterDays} päivän kuluessa. Olemme siksi sulkeneet pyynnön käsittelemättä sitä.

Jos haluat edelleen, että käsittelemme asian, tee uusi pyyntö. Jos sinulla on kysyttävää, vastaa tähän viestiin tai kirjoita osoitteeseen ${contactEmail}.

${controllerName}
