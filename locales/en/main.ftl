# Termín — core messages: errors, field problems, dates, holidays, visit types, e-mail, calendar.
# Page texts live in pages.ftl.

## Errors (the `detail` of API problems and the messages on pages)
error-bad-request = The request could not be read. Please check that it is valid JSON.
error-payload-too-large = The request is too large (the limit is 1 MiB).
error-not-found = We could not find what you asked for.
error-unauthenticated = Please sign in first.
error-forbidden = You are not allowed to do this.
error-email-taken = An account with this e-mail address already exists. Sign in, or reset your password if you have forgotten it.
error-invalid-email = This is not a valid e-mail address.
error-weak-password = This password is too weak. Use at least 10 characters that are hard to guess.
error-invalid-input = Some of the information is missing or not valid. Please check it.
error-invalid-token = This link is not valid or has expired. Please ask for a new one.
error-invalid-credentials = The e-mail address or the password is not correct.
error-too-many-attempts = Too many attempts. Please try again in { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
error-not-a-child = Only a child under 15 can be added to your account. A person aged 15 or older needs their own account.
error-email-not-verified = Please confirm your e-mail address first. We sent you a link when you registered.
error-booking-blocked = You missed { $count } appointments within { $days } days, so you cannot book until { $until }.
error-no-such-slot = There is no appointment time at this moment. Please choose one of the offered times.
error-slot-full = Somebody else has just taken the last place at this time. Please choose another time.
error-already-booked = This person already has an appointment of this kind. Cancel it first if you need a different time.
error-visit-type-not-offered = This office does not handle this kind of visit. Please choose another office.
error-slot-in-past = This time has already passed. Please choose a later time.
error-not-your-person = This person is not part of your account.
error-range-too-long = Please ask for at most 62 days at once.
error-cancellation-too-late = An appointment can only be cancelled until { $hours ->
    [one] { $hours } hour
   *[other] { $hours } hours
} before it starts. Please contact the office by phone.
error-cancellation-limit-reached = You have cancelled { $count } appointments within { $days } days. You can cancel again from { $retry }.
error-not-cancellable = This appointment can no longer be cancelled.
error-clock-backwards = The test clock only moves forward.
error-unavailable = The service is temporarily unavailable. Please try again in a few minutes.
error-internal = Something went wrong on our side. Please try again; if it happens again, contact the office.

## The office floor
error-unknown-pin = There is no appointment with this PIN today at this office. Please check the PIN in your confirmation e-mail.
error-too-early = It is too early to check in. Please come back at { $time }.
error-too-late = The time to check in for this appointment has passed ({ $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
} after its start). Please ask at the information desk.
error-already-checked-in = This appointment is already checked in. Please wait until your ticket number is called.
error-invalid-transition = This ticket cannot go to that state from where it is now.
error-walk-in-not-accepted = This kind of visit needs an appointment booked in advance.
error-walk-in-closed = Tickets without an appointment are not given out at this time (the office is closed or the hours are for booked clients only).

## Problems with single fields
field-email-invalid = Enter an e-mail address in the form name@example.com.
field-password-too-short = The password must have at least 10 characters.
field-password-too-long = The password can have at most 128 characters.
field-password-too-common = This password is too common. Choose one that is hard to guess.
field-password-contains-email = The password must not contain your e-mail address.
field-name-invalid = Enter your full name as in your passport (at most 200 characters).
field-date-invalid = Enter a date as year-month-day, for example 1990-05-31.
field-date-in-future = The date of birth cannot be in the future.
field-date-too-old = Please check the year of birth.
field-language-invalid = Choose one of the offered languages.
field-not-a-child = The child must be younger than 15 today. A person aged 15 or older needs their own account.
field-range-reversed = The last day must not be before the first day.
field-required = This information is required.
field-body-invalid = Some fields are missing or have the wrong type.
field-instant-invalid = Enter a time in RFC 3339 form, for example 2026-12-01T08:30:00+01:00.
field-year-invalid = Enter a year between 1900 and 2200.

## Dates (Europe/Prague)
date-long = { $weekday } { $day } { $month } { $year }
date-short = { $day }/{ $month }/{ $year }
date-time = { $date } at { $time }
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-genitive-1 = January
month-genitive-2 = February
month-genitive-3 = March
month-genitive-4 = April
month-genitive-5 = May
month-genitive-6 = June
month-genitive-7 = July
month-genitive-8 = August
month-genitive-9 = September
month-genitive-10 = October
month-genitive-11 = November
month-genitive-12 = December

## Czech public holidays (domain.md §5)
holiday-new-year = New Year's Day; Restoration Day of the Independent Czech State
holiday-good-friday = Good Friday
holiday-easter-monday = Easter Monday
holiday-labour-day = Labour Day
holiday-liberation-day = Liberation Day
holiday-cyril-methodius = Saints Cyril and Methodius Day
holiday-jan-hus = Jan Hus Day
holiday-statehood-day = Czech Statehood Day
holiday-independence-day = Independent Czechoslovak State Day
holiday-freedom-day = Struggle for Freedom and Democracy Day
holiday-christmas-eve = Christmas Eve
holiday-christmas-day = Christmas Day
holiday-st-stephen = St Stephen's Day

## Visit types (the official Czech name is shown beside these)
visit-type-long-term-residence = Long-term residence permit – first application
visit-type-long-term-residence-extension = Extension of a long-term residence permit
visit-type-purpose-change = Change of purpose of stay
visit-type-permanent-residence = Permanent residence permit – application
visit-type-biometrics = Biometric data capture
visit-type-card-pickup = Collection of the residence card
visit-type-long-term-visa-extension = Extension of a long-term visa
visit-type-change-report = Report of a change (address, name, marital status, passport, card data)
visit-type-lost-document = Report of a lost or stolen passport or card
visit-type-child-born = Residence of a child born in the Czech Republic
visit-type-residence-confirmation = Confirmation of residence
visit-type-eu-residence = Temporary residence of an EU citizen; residence card of an EU citizen's family member
visit-type-czech-exam-voucher = Voucher for the free Czech language exam for permanent residence
visit-type-integration-course = Adaptation-Integration Course – registration

## E-mail
mail-verify-subject = Confirm your e-mail address for Termín
mail-verify-body =
    Hello { $name },

    thank you for creating an account for appointments at the foreigners' residence offices of the Ministry of the Interior (OAMP).

    Please confirm your e-mail address by opening this link:
    { $link }

    The link works once and expires in 3 days. If you did not create this account, you can ignore this e-mail.

    Termín
mail-reset-subject = Set a new password for Termín
mail-reset-body =
    Hello { $name },

    somebody (we hope you) asked to set a new password for your account.

    Open this link to choose a new password:
    { $link }

    The link works once and expires in 60 minutes. If you did not ask for it, ignore this e-mail: your password stays the same.

    Termín
mail-booked-subject = Your appointment on { $when }
mail-booked-body =
    Your appointment is booked.

    Who: { $person }
    What: { $visit }
    Where: { $office }, { $address }
    When: { $when }

    Your PIN: { $pin }

    At the office, type this PIN into the ticket machine (kiosk) and wait until your ticket is called. Bring your passport and all documents for your application.

    The appointment is for this person only and cannot be transferred. If you cannot come, cancel it at least 24 hours before: { $link }
    Three missed appointments within 180 days block booking for 180 days.

    The calendar file attached adds the appointment to your calendar.

    Termín
mail-cancelled-subject = Your appointment has been cancelled
mail-cancelled-body =
    Your appointment has been cancelled.

    What: { $visit }
    Where: { $office }
    When: { $when }

    The calendar file attached removes it from your calendar.

    Termín

## Calendar entries
ics-summary = { $visit } – { $office }
ics-description = PIN for the kiosk: { $pin }. Bring your passport and documents. Cancel at least 24 hours before if you cannot come.
field-counter-invalid = Enter the counter as it is signed, at most 20 characters.
field-device-name-invalid = Give the device a name of at most 80 characters, for example "Kiosk at the entrance".
field-device-kind-invalid = Choose "kiosk" or "display".
field-too-many-stays = Please list at most 500 stays.
field-idempotency-key = The Idempotency-Key header must have 1 to 255 visible characters.
error-idempotency-key-reused = This Idempotency-Key was already used for a different booking.
error-pickup-at-other-office = The residence card can be collected only at the office where your biometric data were taken. Please choose that office.

## The waitlist
error-already-waiting = This person is already on the waitlist for this kind of visit. To ask for other offices or days, withdraw that request first.
error-request-not-open = This waitlist request is closed already.
error-offer-not-open = This offer has already been answered.
error-offer-lapsed = The time to answer this offer has run out, and the place was offered to the next person in line.
field-waitlist-offices = Choose at least one office, and no more than the number allowed for one request.
field-waitlist-times = Choose the morning, the afternoon or both.
field-waitlist-range-over = These days have already passed. Please choose days from today on.
field-waitlist-beyond-horizon = Appointments cannot be booked that far ahead yet. Please choose an earlier first day.
mail-offer-subject = A place for you: { $when }
mail-offer-body =
    A place you are waiting for has become free, and it is held for you now.

    Who: { $person }
    What: { $visit }
    Where: { $office }, { $address }
    When: { $when }

    The place is held for you until { $until }. Accept it or decline it here: { $link }
    If you do not answer by then, it goes to the next person in line and your request is closed.

    Termín
mail-offer-lapsed-subject = The offered place has gone to the next person
mail-offer-lapsed-body =
    The place offered to you was not accepted in time, so it went to the next person in line.

    Who: { $person }
    What: { $visit }
    Where: { $office }
    When: { $when }

    Your waitlist request is closed. You can file a new one at any time: { $link }

    Termín
