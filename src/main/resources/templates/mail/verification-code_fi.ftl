Subject: [${reference}] Vahvista tietosuojapyyntösi yritykselle ${controllerName}
Hei,

Olemme vastaanottaneet yritykselle ${controllerName} osoitetun tietosuojapyynnön viitteellä ${reference}. Ennen kuin käsittelemme sen, vahvista, että pyyntö on sinulta.

Vahvistuskoodisi on: ${code}

Voit vahvistaa pyynnön kolmella tavalla:
  - avaa tämä linkki ja paina vahvistuspainiketta ("Confirm"): ${link}
  - syötä koodi pyyntösi tilasivulle: ${statusUrl}
  - vastaa tähän viestiin ja kirjoita koodi vastaukseesi.

Koodin voi käyttää kerran, ja se on voimassa ${validHours} tuntia. Viiden väärän yrityksen jälkeen koodi lukitaan; voit silloin pyytää uuden koodin tilasivulla. Jos pyyntöä ei vahvisteta ${expireAfterDays} päivän kuluessa, se suljetaan, ja voit tehdä uuden pyynnön.

Jos et tehnyt tätä pyyntöä, sinun ei tarvitse tehdä mitään: mitään ei tapahdu ilman vahvistustasi.

${controllerName}
