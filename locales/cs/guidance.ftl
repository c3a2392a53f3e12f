# Termín — průvodce: lhůty po životních událostech, schengenské pravidlo 90/180, co přinést, poplatky.
# Identifikátory pocházejí z crates/domain/src/{deadlines,schengen,guidance}.rs, fakta ze
# shared/domain.md §1, §4–§7, §9 a z letáků, na které odkazuje. Nepřidávejte nic, co zdroje neuvádějí.

## Události (deadlines::Event): popis, který si člověk vybere, a otázka na datum
event-arrival = Příjezd do České republiky
event-arrival-date = Kdy jste přicestovali do České republiky?
event-visa-expiry = Končí platnost mého dlouhodobého víza
event-visa-expiry-date = Který den je posledním dnem platnosti vašeho dlouhodobého víza?
event-permit-expiry = Končí platnost mého povolení k dlouhodobému pobytu
event-permit-expiry-date = Který den je posledním dnem platnosti vašeho povolení k dlouhodobému pobytu?
event-employee-card-expiry = Končí platnost mé zaměstnanecké karty
event-employee-card-expiry-date = Který den je posledním dnem platnosti vaší zaměstnanecké karty?
event-permanent-card-expiry = Končí platnost mého průkazu o povolení k trvalému pobytu
event-permanent-card-expiry-date = Který den je posledním dnem platnosti vašeho průkazu o povolení k trvalému pobytu?
event-biometrics-captured = Byly mi pořízeny biometrické údaje (zobrazení obličeje a otisky prstů)
event-biometrics-captured-date = Kdy vám byly biometrické údaje pořízeny?
event-name-change = Změnilo se mi jméno nebo příjmení
event-name-change-date = Kdy se vaše jméno nebo příjmení změnilo?
event-marital-status-change = Změnil se můj rodinný stav (sňatek nebo rozvod)
event-marital-status-change-date = Kdy se váš rodinný stav změnil?
event-card-data-change = Změnil se jiný údaj uvedený v mém průkazu o povolení k pobytu
event-card-data-change-date = Kdy se údaj změnil?
event-new-passport = Mám nový cestovní pas
event-new-passport-date = Kdy byl nový cestovní pas vydán? Pokud jste se s ním vrátili do České republiky až později, zadejte den návratu.
event-address-change = Mám novou adresu (změna místa pobytu)
event-address-change-date = Ode kterého dne bydlíte na nové adrese?
event-lost-document = Můj cestovní pas nebo průkaz o povolení k pobytu se ztratil nebo byl odcizen
event-lost-document-date = Kdy jste zjistili, že se doklad ztratil nebo byl odcizen?
event-child-born = V České republice se mi narodilo dítě
event-child-born-date = Kdy se dítě narodilo?
event-visa-refused = Dlouhodobé vízum mi nebylo uděleno
event-visa-refused-date = Kdy jste obdrželi oznámení o neudělení víza?
event-letter-deposited = Na poště je pro mě uložen doporučený dopis
event-letter-deposited-date = Kdy byl dopis na poště uložen?
event-notice-posted = Úřad vyvěsil na úřední desce oznámení o dopisu pro mě
event-notice-posted-date = Kdy bylo oznámení vyvěšeno na úřední desce?

## Druh pobytu (potřebný u změny adresy)
stay-long-term = Dlouhodobé vízum nebo povolení k dlouhodobému pobytu
stay-permanent = Trvalý pobyt

## Povinnosti: co udělat, jak a kde
obligation-police-registration = Ohlaste místo pobytu cizinecké policii
obligation-police-registration-detail = Dostavte se osobně na oddělení cizinecké policie. Pokud jste podali žádost o povolení k dlouhodobému nebo trvalému pobytu, ohlašujete místo pobytu na pracovišti OAMP, ne u policie. Nesplnění této povinnosti je přestupek.
obligation-biometrics-after-arrival = Nechte si pořídit biometrické údaje na pracovišti OAMP označeném BIO
obligation-biometrics-after-arrival-detail = Týká se vás to, pokud vám zastupitelský úřad České republiky udělil dlouhodobé vízum za účelem převzetí povolení k dlouhodobému nebo trvalému pobytu. Musíte se dostavit osobně, nikdo to nemůže udělat za vás. Termín si můžete rezervovat předem.
obligation-apply-long-term-residence = Podejte žádost o povolení k dlouhodobému pobytu za stejným účelem, jaký má vaše vízum
obligation-apply-long-term-residence-detail = Žádost podejte osobně na pracovišti OAMP; zástupce ji za vás podat nemůže. Účel pobytu musí zůstat stejný jako u víza. Pokud lhůtu zmeškáte, hrozí vám, že budete muset Českou republiku opustit.
obligation-apply-extension = Podejte žádost o prodloužení platnosti povolení k dlouhodobému pobytu (nebo zaměstnanecké karty)
obligation-apply-extension-detail = Žádost můžete podat osobně na pracovišti OAMP, prostřednictvím zástupce s písemnou plnou mocí, nebo doporučeně poštou na správnou adresu pracoviště OAMP (ne cizinecké policii). Pokud ji posíláte poštou, uschovejte si podací lístek.
obligation-apply-new-card = Požádejte o nový průkaz o povolení k trvalému pobytu (prodloužení platnosti průkazu)
obligation-apply-new-card-detail = Žádost podejte osobně na pracovišti OAMP. K vydání nového průkazu se znovu pořizují biometrické údaje, proto musí jít o pracoviště označené BIO.
obligation-card-pickup = Převezměte si osobně průkaz o povolení k pobytu
obligation-card-pickup-detail = Nikdo jiný za vás průkaz převzít nemůže. Pokud si průkaz o povolení k dlouhodobému pobytu včas nepřevezmete, řízení o vaší žádosti bude zastaveno; pokud si nepřevezmete průkaz o povolení k trvalému pobytu, může vám být uložena pokuta až 10 000 Kč.
obligation-report-change = Ohlaste změnu na pracovišti OAMP
obligation-report-change-detail = Změnu ohlaste na pracovišti OAMP podle místa pobytu, osobně nebo prostřednictvím zástupce s plnou mocí. Přineste doklad, který změnu prokazuje, například cestovní pas s novým jménem, oddací list nebo pravomocné rozhodnutí soudu o rozvodu, případně nový cestovní pas. Za neohlášení změny vám může být uložena pokuta.
obligation-report-address-change = Ohlaste novou adresu na pracovišti OAMP
obligation-report-address-change-detail = Změnu ohlaste na pracovišti OAMP podle nového místa pobytu, osobně nebo prostřednictvím zástupce s plnou mocí. Přineste doklad o zajištění ubytování na nové adrese, například úředně ověřenou kopii nájemní smlouvy nebo potvrzení o ubytování s úředně ověřeným podpisem. Dostanete také nový průkaz o povolení k pobytu, proto si hned rezervujte termín k pořízení biometrických údajů.
obligation-report-loss-to-police = Ztrátu nebo odcizení ihned oznamte policii
obligation-report-loss-to-police-detail = Ztrátu nebo odcizení oznamte ihned Policii České republiky, osobně nebo prostřednictvím zástupce s plnou mocí. Poté ji ohlaste také na pracovišti OAMP.
obligation-report-lost-document = Ohlaste ztrátu nebo odcizení na pracovišti OAMP
obligation-report-lost-document-detail = Ztrátu nebo odcizení ohlaste na pracovišti OAMP, osobně nebo prostřednictvím zástupce s plnou mocí.
obligation-apply-child-residence = Podejte žádost o povolení k pobytu pro dítě
obligation-apply-child-residence-detail = Žádost podejte osobně na pracovišti OAMP. Přineste cestovní pas dítěte (nebo cestovní pas zákonného zástupce, ve kterém je dítě zapsáno), rodný list dítěte a u žádosti o povolení k dlouhodobému pobytu doklad o komplexním zdravotním pojištění.
obligation-appeal-visa-refusal = Požádejte Ministerstvo vnitra o nové posouzení důvodů neudělení víza
obligation-appeal-visa-refusal-detail = Důvody neudělení víza obdržíte písemně. Žádost o nové posouzení pošlete Ministerstvu vnitra České republiky. Nejde o návštěvu pracoviště, proto se zde na nic neobjednáváte.
obligation-letter-delivered = Vyzvedněte si dopis: uvedeným dnem se považuje za doručený
obligation-letter-delivered-detail = Úřady posílají důležité dopisy doporučeně. Mějte na poštovní schránce a zvonku čitelně své jméno a příjmení, aby vás doručovatel našel, a včas oznamte pracovišti OAMP změnu adresy nebo prodloužení nájemní smlouvy.

## Upozornění u povinností
obligation-note-unless-host-registered = Pokud vás přihlásil ten, kdo vám poskytuje ubytování (například hotel nebo studentská kolej), tato povinnost pro vás odpadá.
obligation-note-bring-valid-passport = Vezměte si s sebou platný cestovní pas.
obligation-note-must-be-at-office-on-last-day = Žádost musí být na pracovišti OAMP nejpozději v poslední den lhůty. Odeslat ji poštou v poslední den je pozdě.
obligation-note-posting-suffices = Stačí, když žádost v poslední den lhůty podáte doporučeně na poště.
obligation-note-same-office-as-biometrics = Průkaz si převezměte na stejném pracovišti, kde vám byly pořízeny biometrické údaje. Může to být jiné pracoviště než to, kde jste podali žádost.
obligation-note-new-card-needed = Pokud se průkaz o povolení k pobytu ztratil nebo se změnily údaje v něm, dostanete nový průkaz, proto si hned rezervujte termín k pořízení biometrických údajů.
obligation-note-from-issue-or-return = Lhůta běží ode dne vydání nového cestovního pasu, nebo ode dne, kdy jste se s ním vrátili do České republiky.
obligation-note-new-address-over-30-days = Platí, pokud budete na nové adrese pobývat déle než 30 dnů.
obligation-note-new-address-over-180-days = Platí, pokud budete na nové adrese pobývat déle než 180 dnů.
obligation-note-same-residence-type-as-parent = Žádejte o stejný druh pobytu, jaký máte vy nebo druhý z rodičů.
obligation-note-answer-within-60-days = Odpověď by vám ministerstvo mělo zaslat do 60 dnů.
obligation-note-deemed-delivered-even-if-not-collected = Dopis se uvedeným dnem považuje za doručený, i když si ho nevyzvednete.
obligation-note-deemed-delivered-after-public-notice = Pokud vás doručovatel na adrese nenajde, vyvěsí se oznámení na úřední desce pracoviště OAMP podle místa pobytu a na webu Ministerstva vnitra. Dopis se uvedeným dnem považuje za doručený, i když si ho nevyzvednete.

## Jak se lhůta počítá (deadlines::Basis)
basis-working-days = { $days ->
    [one] { $days } pracovní den
    [few] { $days } pracovní dny
   *[other] { $days } pracovních dnů
} (soboty, neděle a svátky se nepočítají)
basis-days = { $days ->
    [one] { $days } kalendářní den
    [few] { $days } kalendářní dny
   *[other] { $days } kalendářních dnů
} (připadne-li poslední den lhůty na sobotu, neděli nebo svátek, je posledním dnem lhůty nejbližší následující pracovní den)
basis-last-day-of-validity = Nejdříve { $window_days ->
    [one] { $window_days } den
    [few] { $window_days } dny
   *[other] { $window_days } dnů
} před uplynutím platnosti, nejpozději v poslední den platnosti (připadne-li tento den na sobotu, neděli nebo svátek, je posledním dnem lhůty nejbližší předcházející pracovní den)
basis-days-before-expiry = Nejdříve { $window_days ->
    [one] { $window_days } den
    [few] { $window_days } dny
   *[other] { $window_days } dnů
} a nejpozději { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dnů
} před uplynutím platnosti (připadne-li tento den na sobotu, neděli nebo svátek, je posledním dnem lhůty nejbližší předcházející pracovní den)
basis-window-before-expiry = Nejdříve { $earliest ->
    [one] { $earliest } den
    [few] { $earliest } dny
   *[other] { $earliest } dnů
} a nejpozději { $latest ->
    [one] { $latest } den
    [few] { $latest } dny
   *[other] { $latest } dnů
} před uplynutím platnosti (připadne-li tento den na sobotu, neděli nebo svátek, je posledním dnem lhůty nejbližší předcházející pracovní den)
basis-at-once = Ihned, ještě týž den

## Úřady (domain.md §1)
authority-oamp = Ministerstvo vnitra – OAMP (pracoviště odboru azylové a migrační politiky)
authority-police = cizinecká policie
authority-warning = Doklady posílejte správnému úřadu. Povolení k pobytu vydává Ministerstvo vnitra (OAMP), ne cizinecká policie; zásilky adresované nesprávnému úřadu nebudou přijaty.

## Co přinést (guidance::checklist)
doc-passport = Cestovní pas
doc-photos-2 = 2 fotografie
doc-photos = Fotografie
doc-purpose = Doklad potvrzující účel pobytu na území České republiky
doc-accommodation = Doklad o zajištění ubytování na území České republiky po dobu pobytu
doc-financial-means = Doklad o zajištění finančních prostředků k pobytu na území České republiky
doc-health-insurance = Doklad o zdravotním pojištění (cestovním zdravotním pojištění)
doc-insurance-payment = Doklad o zaplacení pojištění
doc-guardian-consent = U nezletilého: souhlas zákonného zástupce s pobytem na území
doc-criminal-record = Doklad obdobný výpisu z evidence trestů ze země vašeho původu
doc-medical-certificate = Lékařská zpráva
doc-czech-exam-certificate = Osvědčení o úspěšném vykonání zkoušky z českého jazyka (první pokus je zdarma s poukazem, který získáte na pracovišti OAMP)
doc-school-confirmation = Potvrzení školy o studiu nebo o přijetí ke studiu na daný akademický rok
doc-employment-contract-employee-card = Pracovní smlouva, dohoda o pracovní činnosti nebo smlouva o smlouvě budoucí na dobu alespoň 3 měsíců s měsíční hrubou mzdou alespoň ve výši minimální mzdy a týdenní pracovní dobou alespoň 15 hodin; místo musí být evidováno jako volné pracovní místo obsaditelné držitelem zaměstnanecké karty
doc-qualification-documents = Doklady o kvalifikaci a odborné způsobilosti k výkonu zaměstnání
doc-employment-contract-blue-card = Pracovní smlouva na dobu alespoň 3 měsíců s měsíční nebo roční hrubou mzdou alespoň ve výši 1,5násobku průměrné mzdy v České republice; místo musí být evidováno jako volné pracovní místo obsaditelné držitelem modré karty
doc-high-qualification-documents = Doklady o vysoké kvalifikaci
doc-trade-register-entry = Doklad o zápisu do příslušného rejstříku (například živnostenského nebo obchodního)
doc-no-arrears-social-security = Potvrzení České správy sociálního zabezpečení (ČSSZ), že nemáte nedoplatky
doc-no-arrears-tax-office = Potvrzení finančního úřadu, že nemáte nedoplatky
doc-no-arrears-district-social-security = Potvrzení okresní správy sociálního zabezpečení (OSSZ), že nemáte nedoplatky
doc-no-arrears-company = Potvrzení finančního úřadu a okresní správy sociálního zabezpečení (OSSZ), že společnost nebo družstvo nemá nedoplatky
doc-birth-or-marriage-certificate = Rodný nebo oddací list (originál nebo úředně ověřená kopie)
doc-parents-consent = Souhlas rodičů nebo zákonného zástupce
doc-child-passport = Cestovní pas dítěte (nebo cestovní pas zákonného zástupce, ve kterém je dítě zapsáno)
doc-child-birth-certificate = Rodný list dítěte
doc-comprehensive-health-insurance = Doklad o komplexním zdravotním pojištění

## Kdy je doklad potřeba (condition-<id>)
condition-on-request = Jen na vyžádání úřadu
condition-minors-not-yet-living-in-cz = Jen u nezletilého, který ještě nežije na území České republiky
condition-if-appearance-changed = Jen pokud se změnila vaše podoba a úřad o to požádá
condition-not-for-scientific-research = Nepožaduje se u účelu vědeckého výzkumu
condition-not-for-employment-research-or-cards = Nepožaduje se u účelu zaměstnání, vědeckého výzkumu, zaměstnanecké karty a modré karty
condition-at-embassy-on-request-not-under-15 = Jen u žádosti podané na zastupitelském úřadu, a to na vyžádání; nepožaduje se u dětí mladších 15 let
condition-statutory-body-or-member = Jen pokud jste statutárním orgánem nebo členem obchodní společnosti či družstva
condition-in-some-cases = V některých případech
condition-for-long-term-residence = Jen u žádosti o povolení k dlouhodobému pobytu

## Obecná upozornění ke každému seznamu
note-block-letters = Formulář žádosti vyplňte čitelně hůlkovým písmem.
note-czech-or-court-translation = Všechny doklady kromě cestovního pasu musí být v českém jazyce nebo úředně přeloženy do češtiny. Doklady vydané v cizině musí přeložit soudní tlumočník.
note-originals-or-certified-copies = Předkládejte originály nebo úředně ověřené kopie všech dokladů.
note-apostille-or-legalisation = Doklady vydané cizím úřadem musí být podle státu, který je vydal, opatřeny apostilou nebo konzulárním ověřením (superlegalizací).
note-document-validity = Doklady přiložené k žádosti platí jen { $days ->
    [one] { $days } den
    [few] { $days } dny
   *[other] { $days } dnů
}. To neplatí pro cestovní pas, rodný list, oddací list a fotografie.
note-registered-post-to-oamp = Posíláte-li doklady poštou, posílejte je vždy doporučeně na pracoviště OAMP, ne cizinecké policii, a podací lístek si uschovejte jako doklad o odeslání. Můžete využít i dodejku, která potvrdí, že ministerstvo zásilku převzalo.

## Účely pobytu a druhy žádostí
purpose-study = Studium
purpose-employee-card = Zaměstnanecká karta
purpose-blue-card = Modrá karta
purpose-business = Podnikání
purpose-family-reunification = Společné soužití rodiny (sloučení rodiny)
application-first-long-term = Žádost o povolení k dlouhodobému pobytu (první)
application-extension = Žádost o prodloužení platnosti povolení k dlouhodobému pobytu
application-permanent-residence = Žádost o povolení k trvalému pobytu
application-child-born = Pobyt dítěte narozeného na území České republiky

## Poplatky (domain.md §7)
fee-card-issue-or-extension = Vydání průkazu o povolení k pobytu nebo prodloužení jeho platnosti
fee-card-data-change = Změna údajů v průkazu o povolení k pobytu
fee-card-replacement = Vydání průkazu o povolení k pobytu náhradou za průkaz poškozený, zničený, ztracený nebo odcizený, nebo za průkaz s nefunkčním nosičem dat
fee-card-replacement-chip-no-fault = Nový průkaz o povolení k pobytu, pokud nosič dat přestal fungovat z důvodů, které jste nezavinili
fee-citizenship = Udělení státního občanství České republiky
fee-amount = { $czk } Kč
fee-free = Bez poplatku
fee-paid-by-stamps = Platí se kolkovými známkami, které koupíte na každé poště.

## Schengenská kalkulačka 90/180
schengen-error-exit-before-entry = Den odjezdu je dřívější než den příjezdu. Zkontrolujte prosím data tohoto pobytu.
schengen-error-overlapping-stays = Dva pobyty se překrývají. Zkontrolujte prosím data: pobyt může začít nejdříve v den, kdy skončil předchozí.
schengen-error-no-days-left = Nezbývají vám žádné dny: vstupem v tento den byste porušili pravidlo 90/180 (nejvýše 90 dnů v jakémkoli období 180 dnů ve schengenském prostoru).
schengen-error-invalid-rules = Schengenská kalkulačka je kvůli chybě v nastavení dočasně nedostupná. Zkuste to prosím později.

## Chyby výpočtu lhůt (deadlines::DeadlineError)
deadline-error-unknown-event = Tuto událost neznáme. Vyberte prosím jednu z nabídky.
deadline-error-unknown-stay = Vyberte prosím druh pobytu: dlouhodobý, nebo trvalý.
deadline-error-date-too-early = Toto datum je příliš daleko v minulosti, výpočet s ním nepracuje. Zkontrolujte prosím rok.
deadline-error-date-too-late = Toto datum je příliš daleko v budoucnosti, výpočet s ním nepracuje. Zkontrolujte prosím rok.
deadline-error-missing-stay = U změny adresy prosím uveďte, zda máte dlouhodobý, nebo trvalý pobyt.
deadline-error-option-not-applicable = Tato volba se na zvolenou událost nevztahuje.
deadline-error-invalid-rules = Výpočet lhůt je kvůli chybě v nastavení dočasně nedostupný. Zkuste to prosím později.

## Odkud informace pocházejí
guidance-disclaimer = Informace vycházejí z informačních letáků Ministerstva vnitra pro cizince (mimo jiné z letáku o biometrických údajích v průkazech o povolení k pobytu z dubna 2011) a z novějších průvodců pro cizince. Slouží jen k orientaci a nenahrazují rozhodnutí úřadu. Kde se zdroje liší, používáme novější pravidlo a na stránce na to upozorňujeme.
guidance-sources-differ-extension = Zdroje se liší: podle novějšího průvodce můžete žádost o prodloužení podat nejdříve 120 dnů před uplynutím platnosti povolení a nejpozději v poslední den jeho platnosti; podle letáku z roku 2011 nejdříve 90 a nejpozději 14 dnů před uplynutím platnosti. Lhůty na této stránce se řídí novějším pravidlem.
guidance-sources-differ-business = Zdroje se liší: podle jednoho průvodce můžete změnit účel pobytu na podnikání po 2 letech pobytu v České republice, podle jiného až po 5 letech. Než žádost podáte, ověřte si to prosím na pracovišti OAMP.
