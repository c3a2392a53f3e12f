# Termín — základní texty: chyby, problémy s poli, data, svátky, typy návštěv, e-maily, kalendář.
# Texty stránek jsou v pages.ftl.

## Chyby
error-bad-request = Požadavek se nepodařilo přečíst. Zkontrolujte, že jde o platný JSON.
error-payload-too-large = Požadavek je příliš velký (limit je 1 MiB).
error-not-found = Požadovanou věc jsme nenašli.
error-unauthenticated = Nejprve se prosím přihlaste.
error-forbidden = K této akci nemáte oprávnění.
error-email-taken = Účet s touto e-mailovou adresou už existuje. Přihlaste se, nebo si nechte nastavit nové heslo, pokud jste ho zapomněli.
error-invalid-email = Toto není platná e-mailová adresa.
error-weak-password = Heslo je příliš slabé. Použijte alespoň 10 znaků, které nejde snadno uhodnout.
error-invalid-input = Některé údaje chybí nebo nejsou platné. Zkontrolujte je prosím.
error-invalid-token = Tento odkaz není platný nebo už vypršel. Požádejte prosím o nový.
error-invalid-credentials = E-mailová adresa nebo heslo nejsou správné.
error-too-many-attempts = Příliš mnoho pokusů. Zkuste to prosím znovu za { $minutes ->
    [one] { $minutes } minutu
    [few] { $minutes } minuty
   *[other] { $minutes } minut
}.
error-not-a-child = K účtu lze přidat jen dítě mladší 15 let. Osoba starší 15 let potřebuje vlastní účet.
error-email-not-verified = Nejprve prosím potvrďte svou e-mailovou adresu. Odkaz jsme vám poslali při registraci.
error-booking-blocked = Během { $days } dnů jste nepřišli na { $count ->
    [one] { $count } termín
    [few] { $count } termíny
   *[other] { $count } termínů
}, proto se nemůžete objednat až do { $until }.
error-no-such-slot = V tento okamžik žádný termín není. Vyberte prosím jeden z nabízených časů.
error-slot-full = Poslední volné místo v tomto čase právě obsadil někdo jiný. Vyberte prosím jiný čas.
error-already-booked = Tato osoba už má termín tohoto druhu. Pokud potřebujete jiný čas, nejprve ho zrušte.
error-visit-type-not-offered = Toto pracoviště tento druh návštěvy nevyřizuje. Vyberte prosím jiné pracoviště.
error-slot-in-past = Tento čas už uplynul. Vyberte prosím pozdější čas.
error-not-your-person = Tato osoba nepatří k vašemu účtu.
error-range-too-long = Zadejte prosím nejvýše 62 dnů najednou.
error-cancellation-too-late = Termín lze zrušit nejpozději { $hours ->
    [one] { $hours } hodinu
    [few] { $hours } hodiny
   *[other] { $hours } hodin
} před jeho začátkem. Kontaktujte prosím pracoviště telefonicky.
error-cancellation-limit-reached = Během { $days } dnů jste zrušili { $count ->
    [one] { $count } termín
    [few] { $count } termíny
   *[other] { $count } termínů
}. Znovu rušit můžete od { $retry }.
error-not-cancellable = Tento termín už nelze zrušit.
error-clock-backwards = Testovací hodiny jdou jen dopředu.
error-unavailable = Služba je dočasně nedostupná. Zkuste to prosím za několik minut.
error-internal = Na naší straně se něco pokazilo. Zkuste to prosím znovu; pokud se to opakuje, kontaktujte pracoviště.

## Pracoviště
error-unknown-pin = Dnes na tomto pracovišti není žádný termín s tímto PINem. Zkontrolujte prosím PIN v potvrzovacím e-mailu.
error-too-early = Na odbavení je příliš brzy. Přijďte prosím v { $time }.
error-too-late = Čas na odbavení tohoto termínu uplynul ({ $minutes ->
    [one] { $minutes } minutu
    [few] { $minutes } minuty
   *[other] { $minutes } minut
} po jeho začátku). Obraťte se prosím na informace.
error-already-checked-in = Tento termín už je odbaven. Počkejte prosím, až bude vyvoláno vaše pořadové číslo.
error-invalid-transition = Tento lístek nemůže ze svého současného stavu přejít do požadovaného stavu.
error-walk-in-not-accepted = Tento druh návštěvy vyžaduje předem rezervovaný termín.
error-walk-in-closed = Lístky bez rezervace se nyní nevydávají (pracoviště je zavřené nebo jsou úřední hodiny jen pro objednané).

## Problémy s jednotlivými poli
field-email-invalid = Zadejte e-mailovou adresu ve tvaru jmeno@example.cz.
field-password-too-short = Heslo musí mít alespoň 10 znaků.
field-password-too-long = Heslo může mít nejvýše 128 znaků.
field-password-too-common = Toto heslo je příliš běžné. Zvolte takové, které nejde snadno uhodnout.
field-password-contains-email = Heslo nesmí obsahovat vaši e-mailovou adresu.
field-name-invalid = Zadejte celé jméno jako v cestovním pasu (nejvýše 200 znaků).
field-date-invalid = Zadejte datum ve tvaru rok-měsíc-den, například 1990-05-31.
field-date-in-future = Datum narození nemůže být v budoucnosti.
field-date-too-old = Zkontrolujte prosím rok narození.
field-language-invalid = Vyberte jeden z nabízených jazyků.
field-not-a-child = Dítěti musí být dnes méně než 15 let. Osoba starší 15 let potřebuje vlastní účet.
field-range-reversed = Poslední den nesmí být před prvním dnem.
field-required = Tento údaj je povinný.
field-body-invalid = Některá pole chybějí nebo mají nesprávný typ.
field-instant-invalid = Zadejte čas ve tvaru RFC 3339, například 2026-12-01T08:30:00+01:00.
field-year-invalid = Zadejte rok mezi 1900 a 2200.

## Data (Evropa/Praha)
date-long = { $weekday } { $day }. { $month } { $year }
date-short = { $day }. { $month }. { $year }
date-time = { $date } v { $time }
weekday-1 = pondělí
weekday-2 = úterý
weekday-3 = středa
weekday-4 = čtvrtek
weekday-5 = pátek
weekday-6 = sobota
weekday-7 = neděle
month-genitive-1 = ledna
month-genitive-2 = února
month-genitive-3 = března
month-genitive-4 = dubna
month-genitive-5 = května
month-genitive-6 = června
month-genitive-7 = července
month-genitive-8 = srpna
month-genitive-9 = září
month-genitive-10 = října
month-genitive-11 = listopadu
month-genitive-12 = prosince

## Státní svátky a ostatní svátky ČR (domain.md §5)
holiday-new-year = Nový rok; Den obnovy samostatného českého státu
holiday-good-friday = Velký pátek
holiday-easter-monday = Velikonoční pondělí
holiday-labour-day = Svátek práce
holiday-liberation-day = Den vítězství
holiday-cyril-methodius = Den slovanských věrozvěstů Cyrila a Metoděje
holiday-jan-hus = Den upálení mistra Jana Husa
holiday-statehood-day = Den české státnosti
holiday-independence-day = Den vzniku samostatného československého státu
holiday-freedom-day = Den boje za svobodu a demokracii
holiday-christmas-eve = Štědrý den
holiday-christmas-day = 1. svátek vánoční
holiday-st-stephen = 2. svátek vánoční

## Typy návštěv (v češtině se ukazuje úřední název)
visit-type-long-term-residence = Povolení k dlouhodobému pobytu – první žádost
visit-type-long-term-residence-extension = Prodloužení platnosti povolení k dlouhodobému pobytu
visit-type-purpose-change = Změna účelu pobytu
visit-type-permanent-residence = Povolení k trvalému pobytu – žádost
visit-type-biometrics = Snímání biometrických údajů
visit-type-card-pickup = Převzetí průkazu o povolení k pobytu
visit-type-long-term-visa-extension = Prodloužení platnosti dlouhodobého víza
visit-type-change-report = Hlášení změn (adresa, jméno, rodinný stav, cestovní doklad, údaje v průkazu)
visit-type-lost-document = Oznámení ztráty nebo odcizení cestovního dokladu či průkazu
visit-type-child-born = Pobyt dítěte narozeného na území České republiky
visit-type-residence-confirmation = Potvrzení o pobytu
visit-type-eu-residence = Přechodný pobyt občana EU a pobytová karta rodinného příslušníka občana EU
visit-type-czech-exam-voucher = Poukaz na bezplatnou zkoušku z českého jazyka pro trvalý pobyt
visit-type-integration-course = Adaptačně-integrační kurz – registrace

## E-maily
mail-verify-subject = Potvrďte svou e-mailovou adresu pro Termín
mail-verify-body =
    Dobrý den, { $name },

    děkujeme, že jste si založili účet pro objednávání na pracoviště odboru azylové a migrační politiky Ministerstva vnitra (OAMP).

    Potvrďte prosím svou e-mailovou adresu otevřením tohoto odkazu:
    { $link }

    Odkaz lze použít jednou a platí 3 dny. Pokud jste účet nezakládali, tento e-mail můžete ignorovat.

    Termín
mail-reset-subject = Nastavení nového hesla pro Termín
mail-reset-body =
    Dobrý den, { $name },

    někdo (doufáme, že vy) požádal o nastavení nového hesla k vašemu účtu.

    Nové heslo si zvolíte po otevření tohoto odkazu:
    { $link }

    Odkaz lze použít jednou a platí 60 minut. Pokud jste o nové heslo nežádali, e-mail ignorujte: vaše heslo zůstává beze změny.

    Termín
mail-booked-subject = Váš termín: { $when }
mail-booked-body =
    Váš termín je rezervován.

    Kdo: { $person }
    Co: { $visit }
    Kde: { $office }, { $address }
    Kdy: { $when }

    Váš PIN: { $pin }

    Na pracovišti zadejte tento PIN do vyvolávacího systému (kiosku) a počkejte, až bude vaše pořadové číslo vyvoláno. Vezměte si cestovní doklad a všechny doklady k žádosti.

    Rezervace je závazná a nepřenosná na jinou osobu. Pokud nemůžete přijít, zrušte ji nejpozději 24 hodin předem: { $link }
    Tři zmeškané termíny během 180 dnů zablokují objednávání na 180 dnů.

    Přiložený soubor kalendáře přidá termín do vašeho kalendáře.

    Termín
mail-cancelled-subject = Váš termín byl zrušen
mail-cancelled-body =
    Váš termín byl zrušen.

    Co: { $visit }
    Kde: { $office }
    Kdy: { $when }

    Přiložený soubor kalendáře ho odstraní z vašeho kalendáře.

    Termín

## Položky kalendáře
ics-summary = { $visit } – { $office }
ics-description = PIN pro kiosk: { $pin }. Vezměte si cestovní doklad a doklady. Pokud nemůžete přijít, zrušte termín nejpozději 24 hodin předem.
field-counter-invalid = Zadejte přepážku tak, jak je označena, nejvýše 20 znaků.
field-device-name-invalid = Pojmenujte zařízení nejvýše 80 znaky, například „Kiosk u vchodu“.
field-device-kind-invalid = Zvolte „kiosk“ nebo „display“.
field-too-many-stays = Uveďte prosím nejvýše 500 pobytů.
field-idempotency-key = Hlavička Idempotency-Key musí mít 1 až 255 viditelných znaků.
error-idempotency-key-reused = Tento klíč Idempotency-Key už byl použit pro jinou rezervaci.
error-pickup-at-other-office = Průkaz o povolení k pobytu lze převzít jen na pracovišti, kde vám byly sejmuty biometrické údaje. Vyberte prosím toto pracoviště.

## Čekací listina
error-already-waiting = Tato osoba už je na čekací listině k tomuto vyřízení. Chcete-li jiné pracoviště nebo dny, nejprve tu stávající žádost zrušte.
error-request-not-open = Tato žádost na čekací listině už je uzavřená.
error-offer-not-open = Na tuto nabídku už bylo odpovězeno.
error-offer-lapsed = Čas na odpověď na tuto nabídku vypršel a místo bylo nabídnuto dalšímu v pořadí.
field-waitlist-offices = Vyberte alespoň jedno pracoviště, nejvýše však tolik, kolik jedna žádost dovoluje.
field-waitlist-times = Vyberte dopoledne, odpoledne, nebo obojí.
field-waitlist-range-over = Tyto dny už uplynuly. Vyberte prosím dny od dneška dál.
field-waitlist-beyond-horizon = Tak daleko dopředu se zatím objednat nelze. Vyberte prosím dřívější první den.
mail-offer-subject = Místo pro vás: { $when }
mail-offer-body =
    Uvolnilo se místo, na které čekáte, a nyní ho držíme pro vás.

    Kdo: { $person }
    Co: { $visit }
    Kde: { $office }, { $address }
    Kdy: { $when }

    Místo pro vás držíme do { $until }. Přijmout nebo odmítnout ho můžete zde: { $link }
    Pokud do té doby neodpovíte, místo připadne dalšímu v pořadí a vaše žádost bude uzavřena.

    Termín
mail-offer-lapsed-subject = Nabídnuté místo připadlo dalšímu v pořadí
mail-offer-lapsed-body =
    Místo, které jsme vám nabídli, nebylo včas přijato, a proto připadlo dalšímu v pořadí.

    Kdo: { $person }
    Co: { $visit }
    Kde: { $office }
    Kdy: { $when }

    Vaše žádost na čekací listině je uzavřena. Novou můžete kdykoli podat zde: { $link }

    Termín
