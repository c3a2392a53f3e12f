### Texts of the guidance pages (English): "What do I need to do?", the Schengen 90/180
### calculator and the checklists. The facts themselves (events, obligations, rules,
### documents, fees, errors, the disclaimer) are in guidance.ftl.

## Navigation and the home page
guide-nav = Guidance
guide-home-title = What do I need to do?
guide-home-body = Tell us what has happened, for example that you have arrived, that your permit is about to expire or that your fingerprints have been taken. We will tell you what to do, by which day, at which authority and what to bring.
guide-home-start = Find out what to do
guide-home-schengen = Count your days in the Schengen area (90/180)
guide-home-checklist = What to bring to the office, and the fees

## Frame of every guidance page
guide-caption = What do I need to do?
guide-notice-title = About this information
guide-sources-title = Where the information comes from
guide-source-s0 = Leaflet about the appointment system of the OAMP (in English), no date given
guide-source-s1 = Guide to residence permits (in Ukrainian), no date given
guide-source-s2 = Which office deals with what, and residence cards with biometric data (in Vietnamese), no date given; it describes the cards issued from May 2011
guide-source-s3 = Leaflet "Biometric data in residence permit cards" (in Czech), April 2011
guide-source-s4 = Guide for citizens of third countries (in Russian), no date given
guide-links-title = More help
guide-link-deadlines = What do I need to do after something has happened?
guide-link-schengen = Schengen 90/180 calculator
guide-link-checklist = What to bring, and the fees

## Question 1: what has happened
guide-event-title = What has happened?
guide-event-hint = Choose the one that fits best. If several things have happened, check them one after the other.
guide-error-choose-event = Choose what has happened

## Question 2: the date
guide-date-hint = For example 27 3 2026
guide-stay-legend = What kind of residence do you have?
guide-collect-legend = Your visa
guide-collect-label = My long-term visa was granted so that I can collect a residence permit here
guide-collect-hint = The Czech embassy or consulate told you this when it granted the visa.
guide-show-result = Show what I need to do
guide-error-date-empty = Enter the date
guide-error-date-invalid = Enter a real date: the day, the month and the year in numbers, for example 27 3 2026

## The result
guide-result-title = What you need to do
guide-result-answer = You told us: { $event } – { $date }.
guide-result-change = Change your answers
guide-result-other = Check something else that has happened
guide-result-count = { $count ->
    [one] There is { $count } thing to do.
   *[other] There are { $count } things to do, in the order in which they fall due.
}
guide-today = Today is { $date }.
guide-authority-label = Authority
guide-authority-oamp-note = Documents for this step go to the Ministry of the Interior (OAMP), not to the Foreign Police.
guide-authority-police-note = This step belongs to the police, not to the OAMP office. It cannot be booked here.
guide-earliest-label = Earliest day
guide-deadline-label = Last day
guide-rule-label = How it is counted
guide-representative-label = Can someone else do it for you?
guide-representative-yes = Yes, someone with your written power of attorney can do it for you.
guide-representative-no = No, you must do it in person.
guide-office-label = Which office
guide-office-bio = Only an office that takes fingerprints and photos (marked BIO).
guide-fee-label = Fee
guide-note-label = Please note
guide-countdown-future = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
guide-countdown-today = today
guide-countdown-past = { $days ->
    [one] { $days } day ago – the deadline has passed
   *[other] { $days } days ago – the deadline has passed
}
guide-opens-future = { $days ->
    [one] possible in { $days } day
   *[other] possible in { $days } days
}
guide-opens-now = already possible
guide-add-calendar = Add to calendar
guide-book = Book this visit
guide-what-to-bring = What to bring

## Calendar file of one deadline
guide-ics-summary = Last day: { $action }
guide-ics-earliest = You can do it from { $date }.
guide-ics-reminder = Tomorrow is the last day: { $action }

## Fees
guide-fee-with-child = { $amount } (children under 15: { $child })
guide-fee-line = { $act }: { $amount }

## Schengen 90/180 calculator
guide-schengen-title = Schengen 90/180 calculator
guide-schengen-intro = In the Schengen area you may stay at most 90 days in any period of 180 days. Every day on which you are there counts, also the day you arrive and the day you leave.
guide-schengen-stays-legend = Your stays in the Schengen area
guide-schengen-stays-hint = One line for each stay: the day you entered and the day you left. Leave the other lines empty.
guide-schengen-stay = Stay { $n }
guide-schengen-entry = Entered
guide-schengen-exit = Left
guide-schengen-more = Add more lines
guide-schengen-on = Count on this day
guide-schengen-on-hint = Leave it empty to count on today, or on the day of your planned entry if you give one.
guide-schengen-plan = Planned entry (optional)
guide-schengen-plan-hint = If you are planning a trip, enter the day you will arrive. We will tell you the last day you can stay.
guide-schengen-submit = Calculate
guide-schengen-result-title = Result
guide-schengen-used-label = Days spent in the Schengen area
guide-schengen-left-label = Days left
guide-schengen-window-label = The 180-day period
guide-schengen-window-value = { $start } to { $end }
guide-schengen-latest-label = Last day of a stay from { $date }
guide-schengen-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
guide-schengen-left-note = Days leave the period as it moves on, so the days left are not the length of a trip you can still make. To plan a trip, enter the day you will arrive.
guide-schengen-no-stay = Enter at least one stay: the day you entered and the day you left.
guide-schengen-entry-empty = Enter the day you entered
guide-schengen-exit-empty = Enter the day you left
guide-schengen-date-invalid = Enter a real date, for example 27. 3. 2026
guide-schengen-row-error = Stay { $n }: { $message }
guide-schengen-plan-error = Planned entry: { $message }
guide-schengen-on-error = Count on this day: { $message }
guide-chart-title = Your days in the Schengen area in the 180 days up to { $date }
guide-chart-desc = { $used ->
    [one] From { $start } to { $end } you were in the Schengen area on { $used } day; { $left } left.
   *[other] From { $start } to { $end } you were in the Schengen area on { $used } days; { $left } left.
}
guide-chart-window = 180-day period
guide-chart-stay = Stay
guide-chart-planned = Planned stay
guide-chart-on = Counted on
guide-chart-tick = { $day }/{ $month }
guide-table-caption = Your stays and the days that count
guide-table-stay = Stay
guide-table-entry = Entered
guide-table-exit = Left
guide-table-days = Days
guide-table-in-window = Of them in the 180-day period
guide-table-planned = Planned

## What to bring
guide-checklist-title = What to bring
guide-checklist-intro = Choose the application and we will show you what to bring and what it costs. You can print the list.
guide-application-legend = What are you applying for?
guide-purpose-legend = What is the purpose of your stay?
guide-purpose-hint = This matters only for a first application and for an extension.
guide-purpose-other = Something else, or I am not sure
guide-checklist-submit = Show the list
guide-error-choose-application = Choose what you are applying for
guide-error-choose-purpose = Choose a purpose of stay from the list
guide-checklist-heading = What to bring: { $application }
guide-checklist-purpose = Purpose of stay: { $purpose }
guide-checklist-documents = Documents
guide-checklist-notes = Good to know about the documents
guide-checklist-change = Choose another application
guide-fees-title = Fees
guide-fees-act = What for
guide-fees-adult = Fee
guide-fees-child = Children under 15
guide-print = Print this list

## The booking flow, when the guidance knows more
guide-book-fee = Fee: { $fee }
guide-pickup-only-office = You had your biometric data taken at { $office } on { $date }. The card can be collected only at the same office, so only this office is offered.
guide-pickup-wrong-office = The card can be collected only at { $office }, where your biometric data were taken.
