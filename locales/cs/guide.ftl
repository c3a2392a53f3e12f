### Texty stránek průvodce (česky): „Co mám udělat?“, schengenská kalkulačka 90/180
### a seznamy dokladů. Samotná fakta (události, povinnosti, pravidla, doklady, poplatky,
### chyby, upozornění) jsou v guidance.ftl.

## Navigace a úvodní stránka
guide-nav = Průvodce
guide-home-title = Co mám udělat?
guide-home-body = Řekněte nám, co se stalo, například že jste přicestovali, že vám končí platnost povolení nebo že vám byly sejmuty otisky prstů. Řekneme vám, co máte udělat, do kterého dne, u kterého úřadu a co si máte přinést.
guide-home-start = Zjistit, co mám udělat
guide-home-schengen = Spočítat dny ve schengenském prostoru (90/180)
guide-home-checklist = Co si přinést na pracoviště a kolik to stojí

## Rámec každé stránky průvodce
guide-caption = Co mám udělat?
guide-notice-title = O těchto informacích
guide-sources-title = Odkud informace pocházejí
guide-source-s0 = Leták o rezervačním systému OAMP (anglicky), bez uvedeného data
guide-source-s1 = Průvodce povoleními k pobytu (ukrajinsky), bez uvedeného data
guide-source-s2 = Který úřad co vyřizuje a průkazy o povolení k pobytu s biometrickými údaji (vietnamsky), bez uvedeného data; popisuje průkazy vydávané od května 2011
guide-source-s3 = Leták „Biometrické údaje v průkazech o povolení k pobytu“ (česky), duben 2011
guide-source-s4 = Průvodce pro občany třetích zemí (rusky), bez uvedeného data
guide-links-title = Další pomoc
guide-link-deadlines = Co mám udělat, když se něco stalo?
guide-link-schengen = Schengenská kalkulačka 90/180
guide-link-checklist = Co si přinést a kolik to stojí

## Otázka 1: co se stalo
guide-event-title = Co se stalo?
guide-event-hint = Vyberte, co nejlépe odpovídá. Pokud se stalo více věcí, projděte je jednu po druhé.
guide-error-choose-event = Vyberte, co se stalo

## Otázka 2: datum
guide-date-hint = Například 27 3 2026
guide-stay-legend = Jaký druh pobytu máte?
guide-collect-legend = Vaše vízum
guide-collect-label = Dlouhodobé vízum mi bylo uděleno za účelem převzetí povolení k pobytu
guide-collect-hint = Sdělil vám to český zastupitelský úřad (velvyslanectví nebo konzulát), když vízum uděloval.
guide-show-result = Zobrazit, co mám udělat
guide-error-date-empty = Zadejte datum
guide-error-date-invalid = Zadejte skutečné datum: den, měsíc a rok číslicemi, například 27 3 2026

## Výsledek
guide-result-title = Co máte udělat
guide-result-answer = Uvedli jste: { $event } – { $date }.
guide-result-change = Změnit odpovědi
guide-result-other = Zjistit, co dělat po jiné události
guide-result-count = { $count ->
    [one] Máte udělat { $count } věc.
    [few] Máte udělat { $count } věci, v pořadí, v jakém jim končí lhůta.
    [many] Máte udělat { $count } věci, v pořadí, v jakém jim končí lhůta.
   *[other] Máte udělat { $count } věcí, v pořadí, v jakém jim končí lhůta.
}
guide-today = Dnes je { $date }.
guide-authority-label = Úřad
guide-authority-oamp-note = Doklady k tomuto kroku patří Ministerstvu vnitra (OAMP), ne cizinecké policii.
guide-authority-police-note = Tento krok patří policii, ne pracovišti OAMP. Nelze se na něj objednat zde.
guide-earliest-label = Nejdříve
guide-deadline-label = Poslední den
guide-rule-label = Jak se lhůta počítá
guide-representative-label = Může to za vás udělat někdo jiný?
guide-representative-yes = Ano, může to za vás udělat zástupce s vaší písemnou plnou mocí.
guide-representative-no = Ne, musíte to udělat osobně.
guide-office-label = Které pracoviště
guide-office-bio = Jen pracoviště, které snímá otisky prstů a fotografii (označené BIO).
guide-fee-label = Poplatek
guide-note-label = Upozornění
guide-countdown-future = { $days ->
    [one] za { $days } den
    [few] za { $days } dny
    [many] za { $days } dne
   *[other] za { $days } dní
}
guide-countdown-today = dnes
guide-countdown-past = { $days ->
    [one] před { $days } dnem – lhůta už uplynula
    [few] před { $days } dny – lhůta už uplynula
    [many] před { $days } dne – lhůta už uplynula
   *[other] před { $days } dny – lhůta už uplynula
}
guide-opens-future = { $days ->
    [one] možné za { $days } den
    [few] možné za { $days } dny
    [many] možné za { $days } dne
   *[other] možné za { $days } dní
}
guide-opens-now = už je to možné
guide-add-calendar = Přidat do kalendáře
guide-book = Objednat se na tuto návštěvu
guide-what-to-bring = Co si přinést

## Soubor do kalendáře pro jednu lhůtu
guide-ics-summary = Poslední den: { $action }
guide-ics-earliest = Můžete to udělat od { $date }.
guide-ics-reminder = Zítra je poslední den: { $action }

## Poplatky
guide-fee-with-child = { $amount } (děti do 15 let: { $child })
guide-fee-line = { $act }: { $amount }

## Schengenská kalkulačka 90/180
guide-schengen-title = Schengenská kalkulačka 90/180
guide-schengen-intro = Ve schengenském prostoru můžete pobývat nejvýše 90 dnů v jakémkoli období 180 dnů. Počítá se každý den, kdy tam jste, i den příjezdu a den odjezdu.
guide-schengen-stays-legend = Vaše pobyty ve schengenském prostoru
guide-schengen-stays-hint = Jeden řádek pro každý pobyt: den, kdy jste přicestovali, a den, kdy jste odjeli. Ostatní řádky nechte prázdné.
guide-schengen-stay = Pobyt { $n }
guide-schengen-entry = Příjezd
guide-schengen-exit = Odjezd
guide-schengen-more = Přidat další řádky
guide-schengen-on = Počítat ke dni
guide-schengen-on-hint = Když pole necháte prázdné, počítá se k dnešku, nebo ke dni plánovaného příjezdu, pokud ho uvedete.
guide-schengen-plan = Plánovaný příjezd (nepovinné)
guide-schengen-plan-hint = Pokud plánujete cestu, zadejte den, kdy přicestujete. Řekneme vám, do kterého dne můžete zůstat.
guide-schengen-submit = Spočítat
guide-schengen-result-title = Výsledek
guide-schengen-used-label = Dny strávené ve schengenském prostoru
guide-schengen-left-label = Zbývající dny
guide-schengen-window-label = Období 180 dnů
guide-schengen-window-value = { $start } až { $end }
guide-schengen-latest-label = Poslední den pobytu od { $date }
guide-schengen-days = { $days ->
    [one] { $days } den
    [few] { $days } dny
    [many] { $days } dne
   *[other] { $days } dnů
}
guide-schengen-left-note = Dny z období postupně vypadávají, jak se období posouvá, takže zbývající dny nejsou délka cesty, kterou ještě můžete podniknout. Chcete-li cestu naplánovat, zadejte den, kdy přicestujete.
guide-schengen-no-stay = Zadejte alespoň jeden pobyt: den příjezdu a den odjezdu.
guide-schengen-entry-empty = Zadejte den, kdy jste přicestovali
guide-schengen-exit-empty = Zadejte den, kdy jste odjeli
guide-schengen-date-invalid = Zadejte skutečné datum, například 27. 3. 2026
guide-schengen-row-error = Pobyt { $n }: { $message }
guide-schengen-plan-error = Plánovaný příjezd: { $message }
guide-schengen-on-error = Počítat ke dni: { $message }
guide-chart-title = Vaše dny ve schengenském prostoru za 180 dnů do { $date }
guide-chart-desc = { $used ->
    [one] Od { $start } do { $end } jste byli ve schengenském prostoru { $used } den; zbývá { $left }.
    [few] Od { $start } do { $end } jste byli ve schengenském prostoru { $used } dny; zbývá { $left }.
    [many] Od { $start } do { $end } jste byli ve schengenském prostoru { $used } dne; zbývá { $left }.
   *[other] Od { $start } do { $end } jste byli ve schengenském prostoru { $used } dnů; zbývá { $left }.
}
guide-chart-window = Období 180 dnů
guide-chart-stay = Pobyt
guide-chart-planned = Plánovaný pobyt
guide-chart-on = Počítáno ke dni
guide-chart-tick = { $day }. { $month }.
guide-table-caption = Vaše pobyty a dny, které se počítají
guide-table-stay = Pobyt
guide-table-entry = Příjezd
guide-table-exit = Odjezd
guide-table-days = Dny
guide-table-in-window = Z toho v období 180 dnů
guide-table-planned = Plánovaný

## Co si přinést
guide-checklist-title = Co si přinést
guide-checklist-intro = Vyberte žádost a ukážeme vám, co si máte přinést a kolik to stojí. Seznam si můžete vytisknout.
guide-application-legend = O co žádáte?
guide-purpose-legend = Jaký je účel vašeho pobytu?
guide-purpose-hint = Záleží na něm jen u první žádosti a u prodloužení.
guide-purpose-other = Jiný, nebo nevím
guide-checklist-submit = Zobrazit seznam
guide-error-choose-application = Vyberte, o co žádáte
guide-error-choose-purpose = Vyberte účel pobytu ze seznamu
guide-checklist-heading = Co si přinést: { $application }
guide-checklist-purpose = Účel pobytu: { $purpose }
guide-checklist-documents = Doklady
guide-checklist-notes = Co je dobré vědět o dokladech
guide-checklist-change = Vybrat jinou žádost
guide-fees-title = Poplatky
guide-fees-act = Za co
guide-fees-adult = Poplatek
guide-fees-child = Děti do 15 let
guide-print = Vytisknout seznam

## Objednání, když průvodce ví víc
guide-book-fee = Poplatek: { $fee }
guide-pickup-only-office = Biometrické údaje vám byly pořízeny na pracovišti { $office } dne { $date }. Průkaz si můžete převzít jen na stejném pracovišti, proto nabízíme jen toto pracoviště.
guide-pickup-wrong-office = Průkaz si můžete převzít jen na pracovišti { $office }, kde vám byly pořízeny biometrické údaje.
