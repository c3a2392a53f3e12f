### Texts of the web pages (English). Dates, weekday and month names, error messages
### (error-*) and form field messages (field-*) are in main.ftl.

## Site frame

site-name = Termín
site-tagline = Appointments at the foreigners' residence offices of the Ministry of the Interior
nav-skip = Skip to main content
nav-main-label = Main menu
nav-language-label = Language
nav-offices = Offices
nav-book = Book an appointment
nav-appointments = My appointments
nav-account = My account
nav-children = My children
nav-sign-in = Sign in
nav-register = Create an account
nav-sign-out = Sign out
nav-back = Back
footer-signed-in-as = You are signed in as { $name }.
footer-about = Termín books appointments at the offices of the Department of Asylum and Migration Policy (OAMP) of the Ministry of the Interior of the Czech Republic.
footer-phone = You can also book by phone on 974 801 801 (Monday to Thursday 8:00–16:00, Friday 8:00–12:00).
footer-info-line = General information line: 974 832 418 or 974 832 421, e-mail pobyty@mvcr.cz. The line answers general questions in Czech only.
footer-police = Registering your place of stay after arrival is done by the Foreign Police, not at these offices.

## Languages, each named in itself

lang-name-cs = Čeština
lang-name-en = English
lang-name-uk = Українська
lang-name-ru = Русский
lang-name-vi = Tiếng Việt

## Home

page-home-title = Book an appointment at a residence office
home-lead = Use this service to book a visit to an office of the Ministry of the Interior that deals with the residence of foreigners.
home-what = You will choose what the visit is for, the office, the day and the time. You will get a 4-digit PIN. At the office, type the PIN into the ticket machine.
home-start-booking = Start booking
home-offices-title = Offices and opening hours
home-offices-body = Addresses, phone numbers and opening hours of all offices, and which offices can take fingerprints and photos for residence cards.
home-offices-link = See all offices
home-account-title = Your account
home-account-body = You need an account to book. One e-mail address can have only one account.
home-register-link = Create an account
home-mine-title = Your appointments
home-mine-body = See your booked appointments and their PINs, or cancel one.
home-rules-title = Rules for appointments
home-help-title = Getting help
home-help-centre = A regional integration centre can help you create an account. If someone helps you, write down your sign-in details and keep them safe. Do not share them.
home-help-police = Give power of attorney only to people you trust, and do not pay for what you can do yourself.

## Rules (numbers come from the settings)

rule-one-account = Every person needs their own account, made with an e-mail address and a password. One e-mail address can have only one account.
rule-children = { $age ->
    [one] A child under { $age } year is booked by a parent or legal guardian, through the parent's own account and in the parent's name.
   *[other] A child under { $age } years is booked by a parent or legal guardian, through the parent's own account and in the parent's name.
}
rule-pin = Each appointment gets a 4-digit PIN. Type it into the ticket machine at the office.
rule-cancel-notice = { $hours ->
    [one] You can cancel an appointment until { $hours } hour before it starts.
   *[other] You can cancel an appointment until { $hours } hours before it starts.
}
rule-cancel-limit = { $count ->
    [one] You can cancel at most { $count } appointment in { $days } days.
   *[other] You can cancel at most { $count } appointments in { $days } days.
}
rule-no-shows = If you miss { $count } appointments within { $days } days without cancelling them, you cannot book for the next { $block } days.
rule-binding = An appointment is binding and cannot be passed on to another person.

## Offices

page-offices-title = Offices
offices-intro = Offices of the Ministry of the Interior for the residence of foreigners, by region.
offices-bio-explained = Offices marked "Takes fingerprints and photos" can capture biometric data for residence cards.
offices-regions = Regions
offices-all = All offices
office-region = Region
office-regional = regional office
office-address = Address
office-address-unconfirmed = Address not confirmed
office-phone = Phone
office-phone-unknown = Not published
office-bio = Biometric data
office-bio-yes = Takes fingerprints and photos (BIO office)
office-bio-no = Does not take fingerprints and photos
office-hours = Opening hours
office-closed = Closed
office-break = closed { $from }–{ $to }
office-friday-booked-only-short = Booked clients only
office-friday-booked-only = On Friday the office sees only clients who have an appointment or were invited.
office-no-hours = Opening hours are not published, so this office cannot be booked online. Call the office or the information line.
office-permanent-residence-only = This office deals only with permanent residence and matters related to it.
office-visit-types = You can book this office for

## Create an account, confirm the e-mail address

page-register-title = Create an account
register-intro-1 = You need an account to book appointments. One e-mail address can have only one account.
register-intro-2 = { $age ->
    [one] If you book for a child under { $age } year, do it through your own account. Do not make an account for the child.
   *[other] If you book for a child under { $age }, do it through your own account. Do not make an account for the child.
}
register-have-account = I already have an account: sign in
form-email-label = E-mail address
form-email-hint-register = We will send you a link to confirm it.
form-password-label = Password
form-new-password-label = New password
form-password-hint-new = At least { $min } characters. A few words that you can remember work well.
form-full-name-label = Full name
form-full-name-hint = As it is written in your passport.
form-dob-label = Date of birth
form-dob-hint = For example 27 3 1990
form-date-day = Day
form-date-month = Month
form-date-year = Year
form-language-label = Language for e-mails
form-language-hint = We will write to you in this language.
form-register-submit = Create account
page-check-email-title = Check your e-mail
check-email-sent = { $hours ->
    [one] We have sent you an e-mail with a link. The link works for { $hours } hour.
   *[other] We have sent you an e-mail with a link. The link works for { $hours } hours.
}
check-email-spam = If you cannot find the e-mail, look in your spam or junk folder.
check-email-then = Open the link to confirm your e-mail address. Then you can book appointments.
page-verify-title = Confirm your e-mail address
verify-intro = Press the button to confirm that this e-mail address is yours.
form-verify-submit = Confirm my e-mail address
page-verified-title = E-mail address confirmed
verified-body = Thank you. You can now book appointments.
verified-sign-in = Sign in and book
page-verify-failed-title = This link does not work
verify-failed-body = { $hours ->
    [one] The link may have been used already, or it is older than { $hours } hour.
   *[other] The link may have been used already, or it is older than { $hours } hours.
}
verify-failed-help = If you have already confirmed your e-mail address, sign in. If not, call the information line for help.

## Sign in, forgotten password

page-login-title = Sign in
login-needed = Sign in to continue.
login-forgot = I forgot my password
login-no-account = I do not have an account yet: create one
form-login-submit = Sign in
form-error-email-empty = Enter your e-mail address
form-error-password-empty = Enter your password
form-error-date-invalid = Enter a real date: the day, the month and the year in numbers, for example 27 3 1990
page-forgot-title = Forgotten password
forgot-intro = Enter the e-mail address of your account. We will send you a link to choose a new password.
form-forgot-submit = Send the link
page-forgot-sent-title = Check your e-mail
forgot-sent-body = { $minutes ->
    [one] If an account uses this e-mail address, we have sent it a link to choose a new password. The link works for { $minutes } minute.
   *[other] If an account uses this e-mail address, we have sent it a link to choose a new password. The link works for { $minutes } minutes.
}
page-reset-title = Choose a new password
form-reset-submit = Save the new password
page-reset-done-title = Your password has been changed
reset-done-body = You can now sign in with your new password.
page-reset-invalid-title = This link does not work
reset-invalid-body = The link may have been used already or it has expired.
reset-invalid-again = Ask for a new link

## Forms

form-continue = Continue
form-error-summary-title = There is a problem
form-error-prefix = Error:
page-title-error-prefix = Error:

## Booking

book-caption = Book an appointment
book-step-of = Step { $step } of { $total }
page-book-sign-in-title = Sign in to book
book-sign-in-body = To book an appointment you need an account with a confirmed e-mail address.
book-sign-in-children = { $age ->
    [one] Parents book for children under { $age } year through their own account.
   *[other] Parents book for children under { $age } through their own account.
}
page-book-verify-title = Confirm your e-mail address first
book-verify-body = We sent a link to { $email }. Open it to confirm your e-mail address, then come back here.
page-book-blocked-title = You cannot book at the moment
book-blocked-why = This is because of missed appointments that were not cancelled. You can see the details under My account.
page-book-type-title = What is the appointment for?
book-type-intro = Choose one. If you need to do two things, book two appointments.
book-type-hint = Some visits need an office that takes fingerprints and photos. We will show you only offices that can help.
book-type-duration = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
book-type-needs-bio = needs a BIO office
book-type-representative = someone else may come for you
book-error-choose-type = Choose what the appointment is for
page-book-office-title = Which office do you want to go to?
book-office-hint = Only offices that can be booked online for this visit are listed.
book-office-hint-bio = Only offices that take fingerprints and photos (BIO offices) and can be booked online are listed.
book-office-others-title = Other offices
book-office-others-body = These offices do not publish opening hours, so they cannot be booked online. Call them or the information line.
book-error-choose-office = Choose an office
book-chosen-type = Appointment for: { $visit }
book-chosen-office = Office: { $office }
book-day-week = Week of { $monday }
page-book-day-title = Which day?
book-day-hint = Only days with free places are listed.
book-day-places = { $count ->
    [one] { $count } free place, first at { $first }
   *[other] { $count } free places, first at { $first }
}
book-day-none = { $days ->
    [one] There are no free places at this office in the next { $days } day.
   *[other] There are no free places at this office in the next { $days } days.
}
book-choose-other-office = Choose another office
book-error-choose-day = Choose a day
book-error-day-full = There are no free places on this day any more. Choose another day.
page-book-time-title = What time?
book-time-hint = Free times on { $date }.
book-time-places = { $count ->
    [one] { $count } place left
   *[other] { $count } places left
}
book-time-none = There are no free times on this day any more.
book-choose-other-day = Choose another day
book-choose-other-time = Choose another time
book-error-choose-time = Choose a time
book-error-time-taken = This time has just been taken. Choose another time.
page-book-person-title = Who is the appointment for?
book-person-hint = The appointment is only for this person and cannot be passed on.
book-person-self = { $name } (me)
book-person-child-hint = Child, born { $born }
book-person-add-child = { $age ->
    [one] Add a child under { $age } year
   *[other] Add a child under { $age }
}
book-error-choose-person = Choose who the appointment is for
page-book-confirm-title = Check your appointment
book-summary-what = What for
book-summary-where = Office
book-summary-when = When
book-summary-who = For
book-change = Change
book-change-type-hidden = what the appointment is for
book-change-office-hidden = the office
book-change-time-hidden = the day and time
book-change-person-hidden = who the appointment is for
book-confirm-binding = When you confirm, the appointment is binding and only for this person.
book-confirm-cancel = { $hours ->
    [one] If you cannot come, cancel it at least { $hours } hour before it starts.
   *[other] If you cannot come, cancel it at least { $hours } hours before it starts.
}
book-confirm-pin = You will get a 4-digit PIN on the next page and by e-mail.
book-confirm-submit = Confirm booking

## Appointments

page-appointments-title = My appointments
page-appointment-title = Your appointment
page-appointment-booked-title = Your appointment is booked
appt-booked-mail = We have also sent the details to your e-mail address.
appt-pin-label = Your PIN
appt-pin-help = At the office, type this PIN into the ticket machine (kiosk). You will get a ticket, and you will be called to a counter.
appt-checkin-window = The machine accepts the PIN from { $from } to { $to }.
appt-add-calendar = Add to calendar
appt-next-title = What to do next
appt-bring = Bring your passport and the documents for your application, with their official translations into Czech.
appt-arrive = Come in good time. If you are too late, the machine will not accept your PIN and the appointment lapses.
appt-missed = If you cannot come, cancel the appointment here in time, so that someone else can have it.
appt-cancel = Cancel appointment
appt-status = Status
appt-status-booked = Booked
appt-status-checked-in = Checked in
appt-status-called = Called to a counter
appt-status-served = Done
appt-status-cancelled = Cancelled
appt-status-no-show = Missed
appt-none = You have no appointments yet.
appt-book-new = Book an appointment
appt-upcoming = Upcoming
appt-past = Past and cancelled
appt-cancelled-notice = Your appointment on { $date } at { $time } has been cancelled.
appt-cancellations-left = { $left ->
    [one] You can cancel { $left } more appointment now. Cancellations are counted over the last { $days } days.
   *[other] You can cancel { $left } more appointments now. Cancellations are counted over the last { $days } days.
}

## My account

page-account-title = My account
account-details-title = Your details
account-name = Name
account-email = E-mail address
account-email-confirmed = Confirmed
account-email-not-confirmed = Not confirmed yet: open the link we sent you.
account-dob = Date of birth
account-language = Language for e-mails
account-language-hint = Choosing a language at the top of any page also changes this.
account-standing-title = Can you book?
account-not-blocked = Yes, you can book appointments.
account-blocked-until = You cannot book until { $until }.
account-no-shows = { $days ->
    [one] Missed appointments in the last { $days } day
   *[other] Missed appointments in the last { $days } days
}
account-no-shows-value = { $count } of { $limit }
account-cancellations = { $days ->
    [one] Cancellations in the last { $days } day
   *[other] Cancellations in the last { $days } days
}
account-cancellations-value = { $count ->
    [one] { $count } cancellation, { $left } left
   *[other] { $count } cancellations, { $left } left
}

## My children

page-children-title = My children
children-older = { $age ->
    [one] Children aged { $age } or over need their own account.
   *[other] Children aged { $age } or over need their own account.
}
children-none = You have not added any children.
children-born = born { $date }
children-add-title = Add a child
children-added = The child has been added. You can now book appointments for them.
children-back-to-booking = Back to booking
form-child-name-label = Child's full name
form-child-name-hint = As it is written in the child's passport.
form-child-dob-label = Child's date of birth
form-child-submit = Add child

## Error pages

page-error-404-title = Page not found
page-error-404-body = We cannot find this page.
page-error-404-hint = If you typed the address, check that it is correct. If you used a link, the page may have been removed.
page-error-403-title = You cannot do this
page-error-403-body = You do not have permission to see this page or do this.
page-error-csrf-title = This form has expired
page-error-csrf-body = For your safety we could not accept this form. Go back, reload the page and try again.
page-error-csrf-hint = This can happen when a page has been open for a long time, or when cookies are switched off in your browser.
page-error-500-title = Sorry, there is a problem with the service
page-error-500-hint = Please try again in a few minutes.
page-error-other-title = This did not work
page-error-home-link = Go to the home page

## Confirmation e-mail sent again

verify-resend-intro = Did the e-mail not arrive, or has the link expired?
verify-resend-submit = Send me a new confirmation link
page-verify-resent-title = We have sent you a new link
verify-resent-body = { $hours ->
    [one] We have sent a new confirmation link to { $email }. The link works for { $hours } hour.
   *[other] We have sent a new confirmation link to { $email }. The link works for { $hours } hours.
}
verify-resend-back = Go back
verify-resend-not-needed = Your e-mail address is already confirmed.
page-verify-resend-wait-title = Please wait a while

## Office floor: registering a kiosk or a display

nav-floor = Office floor
page-kiosk-setup-title = This screen is not set up as a kiosk
kiosk-setup-body = The kiosk lets clients check in with the PIN of their appointment. This browser has not been registered as the kiosk of an office, or its registration has been revoked.
page-display-setup-title = This screen is not set up as a call display
display-setup-body = The call display shows the ticket numbers called to the counters. This browser has not been registered as the display of an office, or its registration has been revoked.
device-setup-how = A member of staff can register it: on the Office floor page, open "Kiosks and displays", register the screen and open the link it gets, once, on this screen.
device-setup-staff = If you are a visitor, please ask at the information desk.
page-device-invalid-title = This device link does not work
device-invalid-body = The link may have been revoked, or it was not copied in full. Ask a member of staff at the office for a new link.

## Office floor: the kiosk (large type, few words)

page-kiosk-title = Check in with your PIN
kiosk-pin-label = Type your PIN
kiosk-pin-hint = You will find the 4-digit PIN in the e-mail confirming your appointment and under My appointments.
kiosk-ok = OK
kiosk-delete = Delete
kiosk-error-empty = Type the 4 digits of your PIN first.
kiosk-no-appointment = No appointment?
kiosk-no-appointment-body = Some short matters are dealt with without an appointment.
kiosk-walk-in-link = Ticket without an appointment
page-kiosk-walk-in-title = Ticket without an appointment
kiosk-walk-in-intro = Choose what you need to do.
kiosk-walk-in-none = This office deals with everything by appointment only.
kiosk-walk-in-others = For anything else you need an appointment. Book one online or by phone on 974 801 801.
kiosk-back-to-pin = Back to PIN entry
page-kiosk-ticket-title = Your ticket
kiosk-ticket-label = Your number
kiosk-ticket-ahead = { $count ->
    [0] You are next in line.
    [one] There is { $count } person before you.
   *[other] There are { $count } people before you.
}
kiosk-ticket-wait = Take a seat and watch the screen. When your number is called, the screen shows the counter to go to.
kiosk-ticket-remember = Remember your number, or take a photo of it.
kiosk-done = Done
kiosk-ticket-closing = { $seconds ->
    [one] This screen closes by itself in { $seconds } second.
   *[other] This screen closes by itself in { $seconds } seconds.
}

## Office floor: the call display in the waiting room

page-display-title = Called numbers
display-title = Called numbers
display-now = Now calling
display-number = Number
display-counter = Counter
display-earlier = Called before
display-empty = No numbers have been called yet today.
display-sound-on = Sound on
display-sound-off = Sound off

## Office floor: the staff console

page-floor-offices-title = Office floor
floor-offices-intro = Choose the office you are working at today.
floor-offices-none = You are not assigned to any office. Ask an administrator to add you to one.
page-floor-title = { $office }: office floor
floor-caption = Office floor
floor-counter-title = Your counter
floor-counter-none = Choose your counter before you call anyone.
floor-counter-current = You are working at counter { $counter }.
floor-counter-label = Counter
floor-counter-hint = As it is signed in the office, for example 3. This browser remembers it.
floor-counter-submit = Save counter
floor-call-title = Next client
floor-call-next = Call next
floor-call-hint = The next client in the queue is shown on the display with counter { $counter }.
floor-error-no-counter = Choose your counter first.
floor-called-title = At the counters now
floor-called-none = Nobody is called to a counter at the moment.
floor-mine = my counter
floor-col-ticket = Ticket
floor-col-counter = Counter
floor-col-person = Client
floor-col-since = Called at
floor-col-actions = Actions
floor-col-place = Order
floor-col-visit = Matter
floor-col-booked = Appointment
floor-col-arrived = Arrived
floor-col-time = Time
floor-col-name = Name
floor-col-born = Date of birth
floor-col-status = Status
floor-born = born { $date }
floor-walk-in = Without appointment
floor-booked-at = booked for { $time }
floor-act-serve = Served
floor-act-recall = Call again
floor-act-send-back = Back to the queue
floor-act-no-show = No-show
floor-act-transfer = Transfer
floor-transfer-label = To counter
floor-waiting-title = In the queue ({ $count })
floor-waiting-none = Nobody is waiting.
floor-stats-title = Today so far
floor-stat-checked-in = Checked in
floor-stat-waiting = Waiting now
floor-stat-served = Served
floor-stat-wait = Average wait
floor-stat-service = Average service time
floor-stat-no-shows = No-shows
floor-stat-none = not known yet
floor-minutes = { $minutes } min
floor-agenda-title = Today's appointments
floor-agenda-intro = Check the client's identity against the name and date of birth: an appointment cannot be passed on to another person.
floor-agenda-none = There are no appointments today.
floor-devices-link = Kiosks and displays of this office
floor-done-called = Ticket { $ticket } has been called to counter { $counter }.
floor-done-nobody = Nobody is waiting.
floor-done-counter = Counter saved: { $counter }.
floor-done-recall = Ticket { $ticket } has been called again to counter { $counter }.
floor-done-serve = Ticket { $ticket } is done.
floor-done-no-show = Ticket { $ticket } has been recorded as a no-show.
floor-done-send-back = Ticket { $ticket } is back in the queue.
floor-done-transfer = Ticket { $ticket } has been transferred to counter { $counter }.

## Office floor: kiosks and displays

page-floor-devices-title = { $office }: kiosks and displays
floor-devices-heading = Kiosks and displays
floor-devices-intro = A kiosk lets clients check in with their PIN and take a ticket. A display shows the called numbers in the waiting room. Register each screen once; it then remembers itself.
floor-device-new-title = Register a screen
floor-device-name-label = Name
floor-device-name-hint = So that you recognise it in the list, for example "Kiosk at the entrance".
floor-device-kind-label = Kind
floor-device-kind-kiosk = Kiosk (check-in with PIN)
floor-device-kind-display = Call display
floor-device-submit = Register
floor-device-created = "{ $name }" is registered
floor-device-open-kiosk = Open this link once in the browser of the kiosk. It will remember itself and show the PIN pad.
floor-device-open-display = Open this link once in the browser of the display. It will remember itself and show the called numbers.
floor-device-once = This link is shown only now.
floor-device-secret = Anyone with the link can act as this screen at this office, so do not send it by e-mail or chat. If it gets lost, revoke the screen and register it again.
floor-devices-list-title = Registered screens
floor-devices-none = No screens are registered yet.
floor-device-col-created = Registered
floor-device-active = In use
floor-device-revoke = Revoke
floor-device-revoked-tag = Revoked
floor-device-revoked = The screen has been revoked. Its link and its stored registration no longer work.

## The waitlist

nav-waitlist = Waitlist
book-waitlist-join = Join the waitlist for this visit
book-waitlist-other-days = None of these days suits you? Join the waitlist
page-waitlist-title = Waitlist
waitlist-intro-order = When someone cancels an appointment, the free place is offered to the first person on the waitlist whose offices, days and times of day fit it. Requests are served in the order in which they were made.
waitlist-intro-hold = { $hours ->
    [one] We will send you an e-mail when a place is offered to you. It is held for you for up to { $hours } hour, or less if the appointment is soon.
   *[other] We will send you an e-mail when a place is offered to you. It is held for you for up to { $hours } hours, or less if the appointment is soon.
}
waitlist-intro-answer = If you decline a place, you keep your place in line. If you do not answer in time, the place goes to the next person and your request is closed.
waitlist-new = Join the waitlist
waitlist-none = You are not on the waitlist.
waitlist-open = In line
waitlist-closed = Earlier requests
waitlist-status-waiting = Waiting
waitlist-status-offered = Place offered
waitlist-status-booked = Booked
waitlist-status-withdrawn = Withdrawn
waitlist-status-expired = Closed
waitlist-summary-offices = Offices
waitlist-summary-days = Days
waitlist-summary-times = Times of day
waitlist-summary-position = Place in line
waitlist-summary-filed = Joined on
waitlist-position-hint = Among everyone waiting for this kind of visit. A place goes to the first person whose choices fit it, so yours may come sooner or later than this number suggests.
waitlist-days-range = { $from } to { $to }
waitlist-time-morning = Morning
waitlist-time-morning-hint = Appointments that start before 12:00
waitlist-time-afternoon = Afternoon
waitlist-time-afternoon-hint = Appointments that start at 12:00 or later
waitlist-offer-title = A place is held for you
waitlist-offer-until = Held for you until
waitlist-offer-how = If you accept, the appointment is booked for you and you get its PIN. If you decline, the place goes to the next person and you keep your place in line.
waitlist-accept = Accept this place
waitlist-decline = Decline
waitlist-withdraw = Leave the waitlist
waitlist-see-appointment = See the appointment and its PIN
waitlist-offer-lapsed-note = The place offered for { $when } was not accepted in time, so it went to the next person in line.
waitlist-offer-declined-note = You declined the place offered for { $when }. You keep your place in line.
waitlist-filed-notice = You are on the waitlist for: { $visit }. Your place in line: { $position }.
waitlist-withdrawn-notice = You have left the waitlist for this visit.
waitlist-declined-notice = You have declined the place. It goes to the next person, and you keep your place in line.
waitlist-caption = Join the waitlist
page-waitlist-type-title = What would the appointment be for?
waitlist-type-hint = Choose one. You can wait for several kinds of visit, with one request for each.
page-waitlist-new-title = Where and when could you come?
waitlist-offices-legend = Which offices could you go to?
waitlist-offices-hint = { $count ->
    [one] Choose { $count } office.
   *[other] Choose up to { $count } offices. The more you choose, the sooner a place may come.
}
waitlist-days-legend = Which days could you come?
waitlist-days-hint = You can choose days from { $first } to { $last }.
waitlist-from-label = First day
waitlist-to-label = Last day
waitlist-times-legend = What times of day suit you?
waitlist-times-hint = Choose one or both.
waitlist-person-legend = Who is the appointment for?
waitlist-submit = Join the waitlist
waitlist-error-from-empty = Enter the first day you could come
waitlist-error-to-empty = Enter the last day you could come
