### Texty webových stránek (čeština). Data, názvy dnů a měsíců, chybová hlášení (error-*)
### a hlášení k polím formulářů (field-*) jsou v main.ftl.

## Rámec stránek

site-name = Termín
site-tagline = Objednání na pracoviště odboru azylové a migrační politiky MV ČR
nav-skip = Přejít na hlavní obsah
nav-main-label = Hlavní nabídka
nav-language-label = Jazyk
nav-offices = Pracoviště
nav-book = Objednat se
nav-appointments = Moje termíny
nav-account = Můj účet
nav-children = Moje děti
nav-sign-in = Přihlásit se
nav-register = Založit účet
nav-sign-out = Odhlásit se
nav-back = Zpět
footer-signed-in-as = Jste přihlášeni jako { $name }.
footer-about = Termín slouží k objednání na pracoviště odboru azylové a migrační politiky (OAMP) Ministerstva vnitra České republiky.
footer-phone = Objednat se můžete i telefonicky na čísle 974 801 801 (pondělí až čtvrtek 8:00–16:00, pátek 8:00–12:00).
footer-info-line = Informační linka: 974 832 418 nebo 974 832 421, e-mail pobyty@mvcr.cz. Linka odpovídá na obecné dotazy pouze v češtině.
footer-police = Hlášení místa pobytu po příjezdu vyřizuje cizinecká policie, ne tato pracoviště.

## Jazyky, každý ve svém jazyce

lang-name-cs = Čeština
lang-name-en = English
lang-name-uk = Українська
lang-name-ru = Русский
lang-name-vi = Tiếng Việt

## Úvodní stránka

page-home-title = Objednání na pracoviště pro pobyt cizinců
home-lead = Zde se objednáte na pracoviště Ministerstva vnitra, které vyřizuje pobyt cizinců.
home-what = Vyberete, co potřebujete vyřídit, pracoviště, den a čas. Dostanete čtyřmístný PIN. Na pracovišti ho zadáte do automatu na pořadové lístky.
home-start-booking = Začít s objednáním
home-offices-title = Pracoviště a úřední hodiny
home-offices-body = Adresy, telefonní čísla a úřední hodiny všech pracovišť a přehled pracovišť, která snímají otisky prstů a fotografii pro průkazy o pobytu.
home-offices-link = Zobrazit všechna pracoviště
home-account-title = Váš účet
home-account-body = K objednání potřebujete účet. Jedna e-mailová adresa může mít jen jeden účet.
home-register-link = Založit účet
home-mine-title = Vaše termíny
home-mine-body = Podívejte se na své termíny a jejich PIN nebo termín zrušte.
home-rules-title = Pravidla objednávání
home-help-title = Pomoc
home-help-centre = Se založením účtu vám pomůže krajské integrační centrum. Pokud vám někdo pomáhá, zapište si své přihlašovací údaje a dobře je uschovejte. Nikomu je nesdělujte.
home-help-police = Plnou moc dávejte jen lidem, kterým důvěřujete, a neplaťte za to, co zvládnete sami.

## Pravidla (čísla pocházejí z nastavení)

rule-one-account = Každý potřebuje vlastní účet založený e-mailovou adresou a heslem. Jedna e-mailová adresa může mít jen jeden účet.
rule-children = { $age ->
    [one] Dítě mladší než { $age } rok objednává rodič nebo zákonný zástupce, a to vlastním účtem a na své jméno.
    [few] Dítě mladší než { $age } roky objednává rodič nebo zákonný zástupce, a to vlastním účtem a na své jméno.
    [many] Dítě mladší než { $age } let objednává rodič nebo zákonný zástupce, a to vlastním účtem a na své jméno.
   *[other] Dítě mladší než { $age } let objednává rodič nebo zákonný zástupce, a to vlastním účtem a na své jméno.
}
rule-pin = Ke každému termínu dostanete čtyřmístný PIN. Na pracovišti ho zadáte do automatu na pořadové lístky.
rule-cancel-notice = { $hours ->
    [one] Termín můžete zrušit nejpozději { $hours } hodinu před jeho začátkem.
    [few] Termín můžete zrušit nejpozději { $hours } hodiny před jeho začátkem.
    [many] Termín můžete zrušit nejpozději { $hours } hodin před jeho začátkem.
   *[other] Termín můžete zrušit nejpozději { $hours } hodin před jeho začátkem.
}
rule-cancel-limit = { $count ->
    [one] Během { $days } dní můžete zrušit nejvýše { $count } termín.
    [few] Během { $days } dní můžete zrušit nejvýše { $count } termíny.
    [many] Během { $days } dní můžete zrušit nejvýše { $count } termínů.
   *[other] Během { $days } dní můžete zrušit nejvýše { $count } termínů.
}
rule-no-shows = { $count ->
    [one] Pokud během { $days } dní nepřijdete na { $count } termín a předem ho nezrušíte, nebudete se moci dalších { $block } dní objednat.
    [few] Pokud během { $days } dní nepřijdete na { $count } termíny a předem je nezrušíte, nebudete se moci dalších { $block } dní objednat.
    [many] Pokud během { $days } dní nepřijdete na { $count } termínů a předem je nezrušíte, nebudete se moci dalších { $block } dní objednat.
   *[other] Pokud během { $days } dní nepřijdete na { $count } termínů a předem je nezrušíte, nebudete se moci dalších { $block } dní objednat.
}
rule-binding = Rezervace je závazná a nelze ji převést na jinou osobu.

## Pracoviště

page-offices-title = Pracoviště
offices-intro = Pracoviště Ministerstva vnitra pro pobyt cizinců podle krajů.
offices-bio-explained = Pracoviště označená „Snímá otisky prstů a fotografii“ pořizují biometrické údaje pro průkazy o pobytu.
offices-regions = Kraje
offices-all = Všechna pracoviště
office-region = Kraj
office-regional = regionální oddělení
office-address = Adresa
office-address-unconfirmed = Adresa není ověřena
office-phone = Telefon
office-phone-unknown = Není zveřejněn
office-bio = Biometrické údaje
office-bio-yes = Snímá otisky prstů a fotografii (pracoviště BIO)
office-bio-no = Nesnímá otisky prstů ani fotografii
office-hours = Úřední hodiny
office-closed = Zavřeno
office-break = přestávka { $from }–{ $to }
office-friday-booked-only-short = Jen pro objednané
office-friday-booked-only = V pátek pracoviště přijímá jen objednané nebo předvolané klienty.
office-no-hours = Úřední hodiny nejsou zveřejněny, proto se na toto pracoviště nelze objednat on-line. Zavolejte na pracoviště nebo na informační linku.
office-permanent-residence-only = Toto pracoviště vyřizuje jen trvalý pobyt a věci, které s ním souvisejí.
office-visit-types = Na toto pracoviště se můžete objednat k vyřízení

## Založení účtu, ověření e-mailu

page-register-title = Založit účet
register-intro-1 = K objednání potřebujete účet. Jedna e-mailová adresa může mít jen jeden účet.
register-intro-2 = { $age ->
    [one] Pokud objednáváte dítě mladší než { $age } rok, udělejte to ze svého účtu. Dítěti účet nezakládejte.
    [few] Pokud objednáváte dítě mladší než { $age } roky, udělejte to ze svého účtu. Dítěti účet nezakládejte.
    [many] Pokud objednáváte dítě mladší než { $age } let, udělejte to ze svého účtu. Dítěti účet nezakládejte.
   *[other] Pokud objednáváte dítě mladší než { $age } let, udělejte to ze svého účtu. Dítěti účet nezakládejte.
}
register-have-account = Účet už mám: přihlásit se
form-email-label = E-mailová adresa
form-email-hint-register = Pošleme na ni odkaz k jejímu ověření.
form-password-label = Heslo
form-new-password-label = Nové heslo
form-password-hint-new = { $min ->
    [one] Alespoň { $min } znak. Dobře poslouží několik slov, která si zapamatujete.
    [few] Alespoň { $min } znaky. Dobře poslouží několik slov, která si zapamatujete.
    [many] Alespoň { $min } znaků. Dobře poslouží několik slov, která si zapamatujete.
   *[other] Alespoň { $min } znaků. Dobře poslouží několik slov, která si zapamatujete.
}
form-full-name-label = Celé jméno
form-full-name-hint = Tak, jak je uvedeno v cestovním pasu.
form-dob-label = Datum narození
form-dob-hint = Například 27 3 1990
form-date-day = Den
form-date-month = Měsíc
form-date-year = Rok
form-language-label = Jazyk e-mailů
form-language-hint = V tomto jazyce vám budeme psát.
form-register-submit = Založit účet
page-check-email-title = Zkontrolujte svůj e-mail
check-email-sent = { $hours ->
    [one] Poslali jsme vám e-mail s odkazem. Odkaz platí { $hours } hodinu.
    [few] Poslali jsme vám e-mail s odkazem. Odkaz platí { $hours } hodiny.
    [many] Poslali jsme vám e-mail s odkazem. Odkaz platí { $hours } hodin.
   *[other] Poslali jsme vám e-mail s odkazem. Odkaz platí { $hours } hodin.
}
check-email-spam = Pokud e-mail nevidíte, podívejte se do složky s nevyžádanou poštou (spam).
check-email-then = Otevřete odkaz a potvrďte svou e-mailovou adresu. Pak se můžete objednávat.
page-verify-title = Potvrďte svou e-mailovou adresu
verify-intro = Stiskněte tlačítko a potvrďte, že tato e-mailová adresa patří vám.
form-verify-submit = Potvrdit e-mailovou adresu
page-verified-title = E-mailová adresa je potvrzena
verified-body = Děkujeme. Nyní se můžete objednávat.
verified-sign-in = Přihlásit se a objednat
page-verify-failed-title = Tento odkaz nefunguje
verify-failed-body = { $hours ->
    [one] Odkaz už byl možná použit, nebo je starší než { $hours } hodina.
    [few] Odkaz už byl možná použit, nebo je starší než { $hours } hodiny.
    [many] Odkaz už byl možná použit, nebo je starší než { $hours } hodin.
   *[other] Odkaz už byl možná použit, nebo je starší než { $hours } hodin.
}
verify-failed-help = Pokud jste svou e-mailovou adresu už potvrdili, přihlaste se. Pokud ne, zavolejte o pomoc na informační linku.

## Přihlášení, zapomenuté heslo

page-login-title = Přihlásit se
login-needed = Pro pokračování se přihlaste.
login-forgot = Zapomenuté heslo
login-no-account = Ještě nemám účet: založit účet
form-login-submit = Přihlásit se
form-error-email-empty = Zadejte svou e-mailovou adresu
form-error-password-empty = Zadejte své heslo
form-error-date-invalid = Zadejte skutečné datum: den, měsíc a rok číslicemi, například 27 3 1990
page-forgot-title = Zapomenuté heslo
forgot-intro = Zadejte e-mailovou adresu svého účtu. Pošleme na ni odkaz, kde si zvolíte nové heslo.
form-forgot-submit = Poslat odkaz
page-forgot-sent-title = Zkontrolujte svůj e-mail
forgot-sent-body = { $minutes ->
    [one] Pokud tuto e-mailovou adresu používá některý účet, poslali jsme na ni odkaz pro nové heslo. Odkaz platí { $minutes } minutu.
    [few] Pokud tuto e-mailovou adresu používá některý účet, poslali jsme na ni odkaz pro nové heslo. Odkaz platí { $minutes } minuty.
    [many] Pokud tuto e-mailovou adresu používá některý účet, poslali jsme na ni odkaz pro nové heslo. Odkaz platí { $minutes } minut.
   *[other] Pokud tuto e-mailovou adresu používá některý účet, poslali jsme na ni odkaz pro nové heslo. Odkaz platí { $minutes } minut.
}
page-reset-title = Zvolte nové heslo
form-reset-submit = Uložit nové heslo
page-reset-done-title = Vaše heslo bylo změněno
reset-done-body = Nyní se můžete přihlásit novým heslem.
page-reset-invalid-title = Tento odkaz nefunguje
reset-invalid-body = Odkaz už byl možná použit, nebo mu skončila platnost.
reset-invalid-again = Požádat o nový odkaz

## Formuláře

form-continue = Pokračovat
form-error-summary-title = Je potřeba něco opravit
form-error-prefix = Chyba:
page-title-error-prefix = Chyba:

## Objednání

book-caption = Objednání
book-step-of = Krok { $step } z { $total }
page-book-sign-in-title = Pro objednání se přihlaste
book-sign-in-body = K objednání potřebujete účet s potvrzenou e-mailovou adresou.
book-sign-in-children = { $age ->
    [one] Děti mladší než { $age } rok objednávají rodiče ze svého vlastního účtu.
    [few] Děti mladší než { $age } roky objednávají rodiče ze svého vlastního účtu.
    [many] Děti mladší než { $age } let objednávají rodiče ze svého vlastního účtu.
   *[other] Děti mladší než { $age } let objednávají rodiče ze svého vlastního účtu.
}
page-book-verify-title = Nejdříve potvrďte svou e-mailovou adresu
book-verify-body = Na adresu { $email } jsme poslali odkaz. Otevřete ho, potvrďte svou e-mailovou adresu a pak se sem vraťte.
page-book-blocked-title = Momentálně se nemůžete objednat
book-blocked-why = Důvodem jsou zmeškané termíny, které nebyly zrušeny. Podrobnosti najdete v části Můj účet.
page-book-type-title = Co potřebujete vyřídit?
book-type-intro = Vyberte jednu možnost. Pokud potřebujete vyřídit dvě věci, objednejte se dvakrát.
book-type-hint = Některé věci lze vyřídit jen na pracovišti, které snímá otisky prstů a fotografii. Nabídneme vám jen pracoviště, která vám mohou pomoci.
book-type-duration = { $minutes ->
    [one] { $minutes } minuta
    [few] { $minutes } minuty
    [many] { $minutes } minut
   *[other] { $minutes } minut
}
book-type-needs-bio = jen na pracovišti BIO
book-type-representative = může za vás přijít i zástupce
book-error-choose-type = Vyberte, co potřebujete vyřídit
page-book-office-title = Na které pracoviště chcete jít?
book-office-hint = Uvádíme jen pracoviště, na která se lze k této věci objednat on-line.
book-office-hint-bio = Uvádíme jen pracoviště, která snímají otisky prstů a fotografii (pracoviště BIO) a na která se lze objednat on-line.
book-office-others-title = Další pracoviště
book-office-others-body = Tato pracoviště nezveřejňují úřední hodiny, proto se na ně nelze objednat on-line. Zavolejte na ně nebo na informační linku.
book-error-choose-office = Vyberte pracoviště
book-chosen-type = Vyřízení: { $visit }
book-chosen-office = Pracoviště: { $office }
book-day-week = Týden od { $monday }
page-book-day-title = Který den?
book-day-hint = Uvádíme jen dny s volnými místy.
book-day-places = { $count ->
    [one] { $count } volné místo, první v { $first }
    [few] { $count } volná místa, první v { $first }
    [many] { $count } volných míst, první v { $first }
   *[other] { $count } volných míst, první v { $first }
}
book-day-none = { $days ->
    [one] Na tomto pracovišti nejsou v příštím { $days } dni žádná volná místa.
    [few] Na tomto pracovišti nejsou v příštích { $days } dnech žádná volná místa.
    [many] Na tomto pracovišti nejsou v příštích { $days } dnech žádná volná místa.
   *[other] Na tomto pracovišti nejsou v příštích { $days } dnech žádná volná místa.
}
book-choose-other-office = Vybrat jiné pracoviště
book-error-choose-day = Vyberte den
book-error-day-full = V tento den už nejsou volná místa. Vyberte jiný den.
page-book-time-title = V kolik hodin?
book-time-hint = Volné časy: { $date }.
book-time-places = { $count ->
    [one] zbývá { $count } místo
    [few] zbývají { $count } místa
    [many] zbývá { $count } míst
   *[other] zbývá { $count } míst
}
book-time-none = V tento den už nejsou žádné volné časy.
book-choose-other-day = Vybrat jiný den
book-choose-other-time = Vybrat jiný čas
book-error-choose-time = Vyberte čas
book-error-time-taken = Tento čas byl právě obsazen. Vyberte jiný čas.
page-book-person-title = Pro koho je termín?
book-person-hint = Termín platí jen pro tuto osobu a nelze ho převést na jinou.
book-person-self = { $name } (já)
book-person-child-hint = Dítě, narozeno { $born }
book-person-add-child = { $age ->
    [one] Přidat dítě mladší než { $age } rok
    [few] Přidat dítě mladší než { $age } roky
    [many] Přidat dítě mladší než { $age } let
   *[other] Přidat dítě mladší než { $age } let
}
book-error-choose-person = Vyberte, pro koho je termín
page-book-confirm-title = Zkontrolujte svůj termín
book-summary-what = Vyřízení
book-summary-where = Pracoviště
book-summary-when = Kdy
book-summary-who = Pro koho
book-change = Změnit
book-change-type-hidden = co potřebujete vyřídit
book-change-office-hidden = pracoviště
book-change-time-hidden = den a čas
book-change-person-hidden = pro koho je termín
book-confirm-binding = Po potvrzení je termín závazný a platí jen pro tuto osobu.
book-confirm-cancel = { $hours ->
    [one] Pokud nemůžete přijít, zrušte termín nejpozději { $hours } hodinu před jeho začátkem.
    [few] Pokud nemůžete přijít, zrušte termín nejpozději { $hours } hodiny před jeho začátkem.
    [many] Pokud nemůžete přijít, zrušte termín nejpozději { $hours } hodin před jeho začátkem.
   *[other] Pokud nemůžete přijít, zrušte termín nejpozději { $hours } hodin před jeho začátkem.
}
book-confirm-pin = Čtyřmístný PIN uvidíte na další stránce a dostanete ho i e-mailem.
book-confirm-submit = Potvrdit objednání

## Termíny

page-appointments-title = Moje termíny
page-appointment-title = Váš termín
page-appointment-booked-title = Jste objednáni
appt-booked-mail = Podrobnosti jsme vám poslali také e-mailem.
appt-pin-label = Váš PIN
appt-pin-help = Na pracovišti zadejte tento PIN do automatu na pořadové lístky. Dostanete lístek s číslem a budete vyvoláni k přepážce.
appt-checkin-window = Automat PIN přijme od { $from } do { $to }.
appt-add-calendar = Přidat do kalendáře
appt-next-title = Co dál
appt-bring = Vezměte si cestovní pas a doklady k žádosti s jejich úředním překladem do češtiny.
appt-arrive = Přijďte včas. Pokud přijdete pozdě, automat váš PIN nepřijme a termín propadne.
appt-missed = Pokud nemůžete přijít, zrušte termín zde včas, aby ho mohl využít někdo jiný.
appt-cancel = Zrušit termín
appt-status = Stav
appt-status-booked = Objednáno
appt-status-checked-in = Zaregistrováno na pracovišti
appt-status-called = Vyvoláno k přepážce
appt-status-served = Vyřízeno
appt-status-cancelled = Zrušeno
appt-status-no-show = Zmeškáno
appt-none = Zatím nemáte žádné termíny.
appt-book-new = Objednat se
appt-upcoming = Nadcházející
appt-past = Minulé a zrušené
appt-cancelled-notice = Termín byl zrušen: { $date } v { $time }.
appt-cancellations-left = { $left ->
    [one] Nyní můžete zrušit ještě { $left } termín. Zrušení se počítají za posledních { $days } dní.
    [few] Nyní můžete zrušit ještě { $left } termíny. Zrušení se počítají za posledních { $days } dní.
    [many] Nyní můžete zrušit ještě { $left } termínů. Zrušení se počítají za posledních { $days } dní.
   *[other] Nyní můžete zrušit ještě { $left } termínů. Zrušení se počítají za posledních { $days } dní.
}

## Můj účet

page-account-title = Můj účet
account-details-title = Vaše údaje
account-name = Jméno
account-email = E-mailová adresa
account-email-confirmed = Potvrzena
account-email-not-confirmed = Zatím nepotvrzena: otevřete odkaz, který jsme vám poslali.
account-dob = Datum narození
account-language = Jazyk e-mailů
account-language-hint = Změní se i volbou jazyka v záhlaví kterékoli stránky.
account-standing-title = Můžete se objednat?
account-not-blocked = Ano, můžete se objednávat.
account-blocked-until = Objednávání máte zablokované. Znovu se objednat budete moci: { $until }.
account-no-shows = { $days ->
    [one] Zmeškané termíny za poslední { $days } den
    [few] Zmeškané termíny za poslední { $days } dny
    [many] Zmeškané termíny za posledních { $days } dní
   *[other] Zmeškané termíny za posledních { $days } dní
}
account-no-shows-value = { $count } z { $limit }
account-cancellations = { $days ->
    [one] Zrušené termíny za poslední { $days } den
    [few] Zrušené termíny za poslední { $days } dny
    [many] Zrušené termíny za posledních { $days } dní
   *[other] Zrušené termíny za posledních { $days } dní
}
account-cancellations-value = { $left ->
    [one] zrušeno { $count }, zbývá { $left }
    [few] zrušeno { $count }, zbývají { $left }
    [many] zrušeno { $count }, zbývá { $left }
   *[other] zrušeno { $count }, zbývá { $left }
}

## Moje děti

page-children-title = Moje děti
children-older = { $age ->
    [one] Děti od { $age } roku potřebují vlastní účet.
    [few] Děti od { $age } let potřebují vlastní účet.
    [many] Děti od { $age } let potřebují vlastní účet.
   *[other] Děti od { $age } let potřebují vlastní účet.
}
children-none = Zatím jste nepřidali žádné dítě.
children-born = narozeno { $date }
children-add-title = Přidat dítě
children-added = Dítě bylo přidáno. Nyní ho můžete objednat.
children-back-to-booking = Zpět k objednání
form-child-name-label = Celé jméno dítěte
form-child-name-hint = Tak, jak je uvedeno v pasu dítěte.
form-child-dob-label = Datum narození dítěte
form-child-submit = Přidat dítě

## Chybové stránky

page-error-404-title = Stránka nenalezena
page-error-404-body = Tuto stránku nemůžeme najít.
page-error-404-hint = Pokud jste adresu psali ručně, zkontrolujte ji. Pokud jste použili odkaz, stránka mohla být odstraněna.
page-error-403-title = Tohle udělat nemůžete
page-error-403-body = K této stránce nebo akci nemáte oprávnění.
page-error-csrf-title = Platnost formuláře vypršela
page-error-csrf-body = Z bezpečnostních důvodů jsme formulář nemohli přijmout. Vraťte se zpět, načtěte stránku znovu a zkuste to ještě jednou.
page-error-csrf-hint = Může se to stát, když je stránka otevřená dlouho nebo když máte v prohlížeči vypnuté soubory cookie.
page-error-500-title = Omlouváme se, ve službě nastala chyba
page-error-500-hint = Zkuste to prosím znovu za několik minut.
page-error-other-title = Nepodařilo se to
page-error-home-link = Přejít na úvodní stránku

## Nové zaslání potvrzovacího e-mailu

verify-resend-intro = Nepřišel vám e-mail, nebo odkazu vypršela platnost?
verify-resend-submit = Poslat mi nový potvrzovací odkaz
page-verify-resent-title = Poslali jsme vám nový odkaz
verify-resent-body = { $hours ->
    [one] Na adresu { $email } jsme poslali nový potvrzovací odkaz. Platí { $hours } hodinu.
    [few] Na adresu { $email } jsme poslali nový potvrzovací odkaz. Platí { $hours } hodiny.
   *[other] Na adresu { $email } jsme poslali nový potvrzovací odkaz. Platí { $hours } hodin.
}
verify-resend-back = Zpět
verify-resend-not-needed = Vaše e-mailová adresa už je potvrzená.
page-verify-resend-wait-title = Chvíli prosím počkejte

## Provoz pracoviště: registrace kiosku nebo displeje

nav-floor = Provoz pracoviště
page-kiosk-setup-title = Tato obrazovka není nastavená jako kiosk
kiosk-setup-body = Kiosk slouží klientům k odbavení pomocí PINu jejich termínu. Tento prohlížeč není zaregistrovaný jako kiosk žádného pracoviště, nebo byla jeho registrace zrušena.
page-display-setup-title = Tato obrazovka není nastavená jako vyvolávací displej
display-setup-body = Vyvolávací displej ukazuje čísla lístků vyvolaných k přepážkám. Tento prohlížeč není zaregistrovaný jako displej žádného pracoviště, nebo byla jeho registrace zrušena.
device-setup-how = Zaregistrovat ji může pracovník pracoviště: na stránce Provoz pracoviště otevře „Kiosky a displeje“, obrazovku zaregistruje a odkaz, který dostane, jednou otevře na této obrazovce.
device-setup-staff = Pokud jste návštěvník, obraťte se prosím na informace.
page-device-invalid-title = Tento odkaz pro zařízení nefunguje
device-invalid-body = Odkaz mohl být zrušen, nebo nebyl zkopírován celý. Požádejte pracovníka pracoviště o nový odkaz.

## Provoz pracoviště: kiosk (velké písmo, málo slov)

page-kiosk-title = Odbavení pomocí PINu
kiosk-pin-label = Zadejte svůj PIN
kiosk-pin-hint = Čtyřmístný PIN najdete v e-mailu s potvrzením termínu a v části Moje termíny.
kiosk-ok = Potvrdit
kiosk-delete = Smazat
kiosk-error-empty = Nejdříve zadejte čtyři číslice svého PINu.
kiosk-no-appointment = Nemáte termín?
kiosk-no-appointment-body = Některé krátké záležitosti vyřídíme i bez objednání.
kiosk-walk-in-link = Lístek bez objednání
page-kiosk-walk-in-title = Pořadový lístek bez objednání
kiosk-walk-in-intro = Vyberte, co potřebujete vyřídit.
kiosk-walk-in-none = Toto pracoviště vyřizuje vše jen na objednání.
kiosk-walk-in-others = Na všechno ostatní se musíte objednat, a to přes internet nebo na telefonu 974 801 801.
kiosk-back-to-pin = Zpět k zadání PINu
page-kiosk-ticket-title = Váš pořadový lístek
kiosk-ticket-label = Vaše číslo
kiosk-ticket-ahead = { $count ->
    [0] Jste na řadě jako další.
    [one] Před vámi je { $count } člověk.
    [few] Před vámi jsou { $count } lidé.
   *[other] Před vámi je { $count } lidí.
}
kiosk-ticket-wait = Posaďte se a sledujte obrazovku. Až bude vaše číslo vyvoláno, uvidíte u něj přepážku, ke které máte jít.
kiosk-ticket-remember = Zapamatujte si své číslo, nebo si ho vyfoťte.
kiosk-done = Hotovo
kiosk-ticket-closing = { $seconds ->
    [one] Tato obrazovka se sama zavře za { $seconds } sekundu.
    [few] Tato obrazovka se sama zavře za { $seconds } sekundy.
   *[other] Tato obrazovka se sama zavře za { $seconds } sekund.
}

## Provoz pracoviště: vyvolávací displej v čekárně

page-display-title = Vyvolaná čísla
display-title = Vyvolaná čísla
display-now = Právě voláme
display-number = Číslo
display-counter = Přepážka
display-earlier = Dříve vyvolaná
display-empty = Dnes zatím nebylo vyvoláno žádné číslo.
display-sound-on = Zapnout zvuk
display-sound-off = Vypnout zvuk

## Provoz pracoviště: pracovní plocha úředníka

page-floor-offices-title = Provoz pracoviště
floor-offices-intro = Vyberte pracoviště, na kterém dnes pracujete.
floor-offices-none = Nejste přiřazeni k žádnému pracovišti. Požádejte správce, aby vás k některému přiřadil.
page-floor-title = { $office }: provoz pracoviště
floor-caption = Provoz pracoviště
floor-counter-title = Vaše přepážka
floor-counter-none = Než někoho vyvoláte, zvolte svou přepážku.
floor-counter-current = Pracujete u přepážky { $counter }.
floor-counter-label = Přepážka
floor-counter-hint = Tak, jak je označena na pracovišti, například 3. Tento prohlížeč si ji zapamatuje.
floor-counter-submit = Uložit přepážku
floor-call-title = Další klient
floor-call-next = Vyvolat dalšího
floor-call-hint = Další klient ve frontě se zobrazí na displeji s přepážkou { $counter }.
floor-error-no-counter = Nejdříve zvolte svou přepážku.
floor-called-title = Právě u přepážek
floor-called-none = Momentálně není nikdo vyvolán k přepážce.
floor-mine = moje přepážka
floor-col-ticket = Lístek
floor-col-counter = Přepážka
floor-col-person = Klient
floor-col-since = Vyvolán v
floor-col-actions = Akce
floor-col-place = Pořadí
floor-col-visit = Záležitost
floor-col-booked = Termín
floor-col-arrived = Příchod
floor-col-time = Čas
floor-col-name = Jméno
floor-col-born = Datum narození
floor-col-status = Stav
floor-born = nar. { $date }
floor-walk-in = Bez objednání
floor-booked-at = objednán na { $time }
floor-act-serve = Vyřízeno
floor-act-recall = Vyvolat znovu
floor-act-send-back = Vrátit do fronty
floor-act-no-show = Nedostavil se
floor-act-transfer = Předat
floor-transfer-label = Na přepážku
floor-waiting-title = Ve frontě ({ $count })
floor-waiting-none = Nikdo nečeká.
floor-stats-title = Dnešní den
floor-stat-checked-in = Odbaveno
floor-stat-waiting = Právě čeká
floor-stat-served = Vyřízeno
floor-stat-wait = Průměrné čekání
floor-stat-service = Průměrná doba vyřízení
floor-stat-no-shows = Nedostavili se
floor-stat-none = zatím nelze určit
floor-minutes = { $minutes } min
floor-agenda-title = Dnešní objednávky
floor-agenda-intro = Ověřte totožnost klienta podle jména a data narození: termín nelze převést na jinou osobu.
floor-agenda-none = Na dnešek nejsou žádné objednávky.
floor-devices-link = Kiosky a displeje tohoto pracoviště
floor-done-called = Lístek { $ticket } byl vyvolán k přepážce { $counter }.
floor-done-nobody = Nikdo nečeká.
floor-done-counter = Přepážka uložena: { $counter }.
floor-done-recall = Lístek { $ticket } byl znovu vyvolán k přepážce { $counter }.
floor-done-serve = Lístek { $ticket } je vyřízen.
floor-done-no-show = U lístku { $ticket } bylo zaznamenáno, že se klient nedostavil.
floor-done-send-back = Lístek { $ticket } je zpět ve frontě.
floor-done-transfer = Lístek { $ticket } byl předán k přepážce { $counter }.

## Provoz pracoviště: kiosky a displeje

page-floor-devices-title = { $office }: kiosky a displeje
floor-devices-heading = Kiosky a displeje
floor-devices-intro = Kiosk slouží klientům k odbavení pomocí PINu a k vydání pořadového lístku. Displej ukazuje v čekárně vyvolaná čísla. Každou obrazovku zaregistrujte jednou; pak si registraci pamatuje.
floor-device-new-title = Zaregistrovat obrazovku
floor-device-name-label = Název
floor-device-name-hint = Abyste ji poznali v seznamu, například „Kiosk u vchodu“.
floor-device-kind-label = Druh
floor-device-kind-kiosk = Kiosk (odbavení pomocí PINu)
floor-device-kind-display = Vyvolávací displej
floor-device-submit = Zaregistrovat
floor-device-created = Obrazovka „{ $name }“ je zaregistrovaná
floor-device-open-kiosk = Otevřete tento odkaz jednou v prohlížeči kiosku. Kiosk si registraci zapamatuje a zobrazí klávesnici pro PIN.
floor-device-open-display = Otevřete tento odkaz jednou v prohlížeči displeje. Displej si registraci zapamatuje a zobrazí vyvolaná čísla.
floor-device-once = Tento odkaz se zobrazí jen teď.
floor-device-secret = Kdokoli s tímto odkazem může na pracovišti vystupovat jako tato obrazovka, proto ho neposílejte e-mailem ani chatem. Pokud se ztratí, obrazovku zrušte a zaregistrujte znovu.
floor-devices-list-title = Zaregistrované obrazovky
floor-devices-none = Zatím není zaregistrovaná žádná obrazovka.
floor-device-col-created = Zaregistrováno
floor-device-active = Používá se
floor-device-revoke = Zrušit
floor-device-revoked-tag = Zrušeno
floor-device-revoked = Obrazovka byla zrušena. Její odkaz ani uložená registrace už nefungují.

## Čekací listina

nav-waitlist = Čekací listina
book-waitlist-join = Zapsat se na čekací listinu
book-waitlist-other-days = Nehodí se vám žádný z těchto dnů? Zapište se na čekací listinu
page-waitlist-title = Čekací listina
waitlist-intro-order = Když někdo svůj termín zruší, uvolněné místo nabídneme prvnímu na čekací listině, jehož pracoviště, dny a denní doba mu odpovídají. Žádosti vyřizujeme v pořadí, v jakém byly podány.
waitlist-intro-hold = { $hours ->
    [one] Když vám místo nabídneme, pošleme vám e-mail. Místo pro vás držíme nejvýše { $hours } hodinu, a je-li termín brzy, i kratší dobu.
    [few] Když vám místo nabídneme, pošleme vám e-mail. Místo pro vás držíme nejvýše { $hours } hodiny, a je-li termín brzy, i kratší dobu.
    [many] Když vám místo nabídneme, pošleme vám e-mail. Místo pro vás držíme nejvýše { $hours } hodin, a je-li termín brzy, i kratší dobu.
   *[other] Když vám místo nabídneme, pošleme vám e-mail. Místo pro vás držíme nejvýše { $hours } hodin, a je-li termín brzy, i kratší dobu.
}
waitlist-intro-answer = Pokud nabízené místo odmítnete, své pořadí si ponecháte. Pokud neodpovíte včas, místo připadne dalšímu v pořadí a vaše žádost bude uzavřena.
waitlist-new = Zapsat se na čekací listinu
waitlist-none = Na čekací listině zatím nejste.
waitlist-open = V pořadí
waitlist-closed = Dřívější žádosti
waitlist-status-waiting = Čeká
waitlist-status-offered = Místo nabídnuto
waitlist-status-booked = Objednáno
waitlist-status-withdrawn = Zrušeno
waitlist-status-expired = Uzavřeno
waitlist-summary-offices = Pracoviště
waitlist-summary-days = Dny
waitlist-summary-times = Denní doba
waitlist-summary-position = Pořadí
waitlist-summary-filed = Zapsáno
waitlist-position-hint = Mezi všemi, kdo čekají na toto vyřízení. Místo dostane první, komu odpovídá, takže na vás může přijít řada dříve i později, než by číslo napovídalo.
waitlist-days-range = { $from } až { $to }
waitlist-time-morning = Dopoledne
waitlist-time-morning-hint = Termíny začínající před 12:00
waitlist-time-afternoon = Odpoledne
waitlist-time-afternoon-hint = Termíny začínající ve 12:00 nebo později
waitlist-offer-title = Držíme pro vás místo
waitlist-offer-until = Držíme pro vás do
waitlist-offer-how = Pokud místo přijmete, budete objednáni a dostanete PIN. Pokud ho odmítnete, místo připadne dalšímu v pořadí a vy si své pořadí ponecháte.
waitlist-accept = Přijmout toto místo
waitlist-decline = Odmítnout
waitlist-withdraw = Odhlásit se z čekací listiny
waitlist-see-appointment = Zobrazit termín a jeho PIN
waitlist-offer-lapsed-note = Místo nabídnuté na { $when } nebylo včas přijato, a proto připadlo dalšímu v pořadí.
waitlist-offer-declined-note = Místo nabídnuté na { $when } jste odmítli. Své pořadí si ponecháváte.
waitlist-filed-notice = Jste na čekací listině: { $visit }. Vaše pořadí: { $position }.
waitlist-withdrawn-notice = Z čekací listiny k tomuto vyřízení jste se odhlásili.
waitlist-declined-notice = Místo jste odmítli. Připadne dalšímu v pořadí a vy si své pořadí ponecháváte.
waitlist-caption = Zápis na čekací listinu
page-waitlist-type-title = Co byste potřebovali vyřídit?
waitlist-type-hint = Vyberte jednu možnost. Čekat můžete na více různých vyřízení, na každé jednou žádostí.
page-waitlist-new-title = Kam a kdy byste mohli přijít?
waitlist-offices-legend = Na která pracoviště byste mohli jít?
waitlist-offices-hint = { $count ->
    [one] Vyberte { $count } pracoviště.
    [few] Vyberte nejvýše { $count } pracoviště. Čím více jich vyberete, tím dříve se pro vás může místo najít.
    [many] Vyberte nejvýše { $count } pracovišť. Čím více jich vyberete, tím dříve se pro vás může místo najít.
   *[other] Vyberte nejvýše { $count } pracovišť. Čím více jich vyberete, tím dříve se pro vás může místo najít.
}
waitlist-days-legend = Ve které dny byste mohli přijít?
waitlist-days-hint = Vybrat můžete dny od { $first } do { $last }.
waitlist-from-label = První den
waitlist-to-label = Poslední den
waitlist-times-legend = Jaká denní doba se vám hodí?
waitlist-times-hint = Vyberte jednu nebo obě možnosti.
waitlist-person-legend = Pro koho je termín?
waitlist-submit = Zapsat se na čekací listinu
waitlist-error-from-empty = Zadejte první den, kdy byste mohli přijít
waitlist-error-to-empty = Zadejte poslední den, kdy byste mohli přijít
