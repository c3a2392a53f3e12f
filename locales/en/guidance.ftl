# Termín — guidance: deadlines after life events, Schengen 90/180, what to bring, fees.
# The ids come from crates/domain/src/{deadlines,schengen,guidance}.rs; the facts from
# shared/domain.md §1, §4–§7, §9 and the leaflets it cites. Do not add a fact that the
# sources do not give.

## Events (deadlines::Event): a label a person picks, and the question for its date
event-arrival = I arrived in the Czech Republic
event-arrival-date = When did you arrive in the Czech Republic?
event-visa-expiry = My long-term visa is about to expire
event-visa-expiry-date = What is the last day of validity of your long-term visa?
event-permit-expiry = My long-term residence permit is about to expire
event-permit-expiry-date = What is the last day of validity of your long-term residence permit?
event-employee-card-expiry = My employee card is about to expire
event-employee-card-expiry-date = What is the last day of validity of your employee card?
event-permanent-card-expiry = My permanent residence card is about to expire
event-permanent-card-expiry-date = What is the last day of validity of your permanent residence card?
event-biometrics-captured = My biometric data (face image and fingerprints) have been taken
event-biometrics-captured-date = When were your biometric data taken?
event-name-change = My name or surname has changed
event-name-change-date = When did your name or surname change?
event-marital-status-change = My marital status has changed (marriage or divorce)
event-marital-status-change-date = When did your marital status change?
event-card-data-change = Other information written in my residence card has changed
event-card-data-change-date = When did the information change?
event-new-passport = I have a new passport
event-new-passport-date = When was the new passport issued? If you came back to the Czech Republic with it later, enter the day you came back.
event-address-change = I have moved to a new address
event-address-change-date = Since when have you been living at the new address?
event-lost-document = My passport or residence card has been lost or stolen
event-lost-document-date = When did you find out that it was lost or stolen?
event-child-born = My child was born in the Czech Republic
event-child-born-date = When was the child born?
event-visa-refused = My long-term visa was refused
event-visa-refused-date = When did you receive the notice that the visa was refused?
event-letter-deposited = A registered letter for me is waiting at the post office
event-letter-deposited-date = When was the letter deposited at the post office?
event-notice-posted = A notice of a letter for me was put on the office's official notice board
event-notice-posted-date = When was the notice put on the official notice board?

## The kind of stay (needed for a change of address)
stay-long-term = Long-term visa or long-term residence permit
stay-permanent = Permanent residence

## Obligations: what to do, and how and where
obligation-police-registration = Register your place of stay with the Foreign Police
obligation-police-registration-detail = Go in person to a Foreign Police department. If you have applied for a long-term or permanent residence permit, you register your place of stay at the OAMP office instead. Not registering is an offence.
obligation-biometrics-after-arrival = Have your biometric data taken at an OAMP office marked BIO
obligation-biometrics-after-arrival-detail = This applies if a Czech embassy or consulate granted you a long-term visa to collect a long-term or permanent residence permit. You must come in person; nobody can do this for you. You can book the appointment in advance.
obligation-apply-long-term-residence = Apply for a long-term residence permit for the same purpose as your visa
obligation-apply-long-term-residence-detail = Hand in the application in person at the OAMP office; a representative cannot do it for you. The purpose of your stay must stay the same as on the visa. If you miss the deadline, you risk having to leave the Czech Republic.
obligation-apply-extension = Apply to extend your long-term residence permit (or employee card)
obligation-apply-extension-detail = You can apply in person at the OAMP office, through a representative with a written power of attorney, or by registered post to the correct address of the OAMP office (not to the Foreign Police). If you send it by post, keep the postal receipt.
obligation-apply-new-card = Apply for a new permanent residence card (extension of the card's validity)
obligation-apply-new-card-detail = Apply in person at an OAMP office. Your biometric data will be taken again for the new card, so the office must be one marked BIO.
obligation-card-pickup = Collect your residence card in person
obligation-card-pickup-detail = Nobody can collect the card for you. If you do not collect a long-term residence card in time, the procedure on your application is stopped; if you do not collect a permanent residence card, you can be fined up to 10,000 CZK.
obligation-report-change = Report the change to the OAMP office
obligation-report-change-detail = Report it at the OAMP office for your place of residence, in person or through a representative with a power of attorney. Bring the document that proves the change, for example the passport with the new name, the marriage certificate or the final court decision on the divorce, or the new passport. If you do not report a change, you can be fined.
obligation-report-address-change = Report your new address to the OAMP office
obligation-report-address-change-detail = Report it at the OAMP office for your new place of residence, in person or through a representative with a power of attorney. Bring proof of accommodation at the new address, for example a certified copy of the lease or a confirmation of accommodation with a certified signature. You will also get a new residence card, so book an appointment for new biometric data straight away.
obligation-report-loss-to-police = Report the loss or theft to the police immediately
obligation-report-loss-to-police-detail = Report it to the Police of the Czech Republic at once, in person or through a representative with a power of attorney. Then report it to the OAMP office as well.
obligation-report-lost-document = Report the loss or theft to the OAMP office
obligation-report-lost-document-detail = Report it at the OAMP office, in person or through a representative with a power of attorney.
obligation-apply-child-residence = Apply for a residence permit for your child
obligation-apply-child-residence-detail = Hand in the application in person at the OAMP office. Bring the child's passport (or the passport of the legal representative in which the child is entered), the child's birth certificate and, for a long-term residence permit, proof of comprehensive health insurance.
obligation-appeal-visa-refusal = Ask the Ministry of the Interior to review the reasons for refusing the visa
obligation-appeal-visa-refusal-detail = The reasons for the refusal are given to you in writing. Send your request for a review to the Ministry of the Interior of the Czech Republic. This is not an office visit, so there is nothing to book here.
obligation-letter-delivered = Collect the letter: it counts as delivered on the date shown
obligation-letter-delivered-detail = Offices send important letters by registered post. Keep your name clearly on your mailbox and doorbell so that the postman can find you, and tell the OAMP office in time when your address changes or your lease is extended.

## Notes shown with an obligation
obligation-note-unless-host-registered = If the person or place that gives you accommodation (for example a hotel or a student dormitory) has registered you, you do not have to do it yourself.
obligation-note-bring-valid-passport = Bring a valid passport.
obligation-note-must-be-at-office-on-last-day = The application must be at the OAMP office on the last day at the latest. Posting it on the last day is too late.
obligation-note-posting-suffices = It is enough to hand the application in at the post office, by registered post, on the last day.
obligation-note-same-office-as-biometrics = Collect the card at the same office where your biometric data were taken. This may be a different office from the one where you applied.
obligation-note-new-card-needed = A new residence card will be issued when the card was lost or the information in it has changed, so book an appointment for new biometric data straight away.
obligation-note-from-issue-or-return = The deadline runs from the day the new passport was issued, or from the day you came back to the Czech Republic with it.
obligation-note-new-address-over-30-days = This applies when you will stay at the new address for more than 30 days.
obligation-note-new-address-over-180-days = This applies when you will stay at the new address for more than 180 days.
obligation-note-same-residence-type-as-parent = Apply for the same type of residence that you or the child's other parent has.
obligation-note-answer-within-60-days = The Ministry should send you its answer within 60 days.
obligation-note-deemed-delivered-even-if-not-collected = The letter counts as delivered on the date shown, even if you do not collect it.
obligation-note-deemed-delivered-after-public-notice = When the postman cannot find you at your address, a notice is put on the official notice board of the OAMP office for your place of residence and on the Ministry's website. The letter counts as delivered on the date shown, even if you do not collect it.

## How a deadline is counted (deadlines::Basis)
basis-working-days = { $days ->
    [one] { $days } working day
   *[other] { $days } working days
} (Saturdays, Sundays and public holidays do not count)
basis-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
} (calendar days; if the last day is a Saturday, Sunday or public holiday, the deadline moves to the next working day)
basis-last-day-of-validity = From { $window_days ->
    [one] { $window_days } day
   *[other] { $window_days } days
} before expiry until the last day of validity (if that day is a Saturday, Sunday or public holiday, the deadline is the working day before it)
basis-days-before-expiry = From { $window_days ->
    [one] { $window_days } day
   *[other] { $window_days } days
} before expiry, and at the latest { $days ->
    [one] { $days } day
   *[other] { $days } days
} before expiry (if that day is a Saturday, Sunday or public holiday, the deadline is the working day before it)
basis-window-before-expiry = Not earlier than { $earliest ->
    [one] { $earliest } day
   *[other] { $earliest } days
} and not later than { $latest ->
    [one] { $latest } day
   *[other] { $latest } days
} before expiry (if that day is a Saturday, Sunday or public holiday, the deadline is the working day before it)
basis-at-once = Immediately, on the same day

## Authorities (domain.md §1)
authority-oamp = Ministry of the Interior – OAMP (foreigners' residence office)
authority-police = Foreign Police
authority-warning = Send documents to the right authority. Residence permits are issued by the Ministry of the Interior (OAMP), not by the Foreign Police; documents sent by post to the wrong authority are not accepted.

## What to bring (guidance::checklist)
doc-passport = Passport
doc-photos-2 = 2 photographs
doc-photos = Photographs
doc-purpose = Document proving the purpose of your stay in the Czech Republic
doc-accommodation = Proof of accommodation in the Czech Republic for the time of your stay
doc-financial-means = Proof of financial means for your stay in the Czech Republic
doc-health-insurance = Proof of health insurance (travel health insurance)
doc-insurance-payment = Proof that the insurance has been paid
doc-guardian-consent = For a minor: consent of the legal representative to the stay
doc-criminal-record = Criminal record certificate (or an equivalent document) from your country of origin
doc-medical-certificate = Medical certificate
doc-czech-exam-certificate = Certificate of passing the Czech language exam (the first attempt is free with a voucher you get at the OAMP office)
doc-school-confirmation = Confirmation from the school that you study there or have been admitted, for the current academic year
doc-employment-contract-employee-card = Employment contract, agreement to perform work or contract on a future employment contract for at least 3 months, with a monthly gross wage of at least the minimum wage and at least 15 working hours a week; the job must be registered as a vacancy that an employee card holder can take
doc-qualification-documents = Documents proving your qualification and professional competence for the job
doc-employment-contract-blue-card = Employment contract for at least 3 months with a monthly or yearly gross wage of at least 1.5 times the average wage in the Czech Republic; the job must be registered as a vacancy that a Blue Card holder can take
doc-high-qualification-documents = Documents proving your high qualification
doc-trade-register-entry = Proof of your entry in the relevant register (for example the trade register or the commercial register)
doc-no-arrears-social-security = Confirmation from the Czech Social Security Administration (ČSSZ) that you have no arrears
doc-no-arrears-tax-office = Confirmation from the tax office that you have no arrears
doc-no-arrears-district-social-security = Confirmation from the district social security office (OSSZ) that you have no arrears
doc-no-arrears-company = Confirmations from the tax office and the district social security office (OSSZ) that the company or cooperative has no arrears
doc-birth-or-marriage-certificate = Birth certificate or marriage certificate (original or certified copy)
doc-parents-consent = Consent of the parents or the legal representative
doc-child-passport = The child's passport (or the passport of the legal representative in which the child is entered)
doc-child-birth-certificate = The child's birth certificate
doc-comprehensive-health-insurance = Proof of comprehensive health insurance

## When an item is needed (condition-<id>)
condition-on-request = Only if the office asks for it
condition-minors-not-yet-living-in-cz = Only for a minor who does not live in the Czech Republic yet
condition-if-appearance-changed = Only if your appearance has changed and the office asks for it
condition-not-for-scientific-research = Not needed for scientific research
condition-not-for-employment-research-or-cards = Not needed for employment, scientific research, the employee card or the Blue Card
condition-at-embassy-on-request-not-under-15 = Only for an application handed in at an embassy, if asked for; not for children under 15
condition-statutory-body-or-member = Only if you are a statutory body or a member of a company or cooperative
condition-in-some-cases = In some cases
condition-for-long-term-residence = Only for an application for a long-term residence permit

## General notes for every checklist
note-block-letters = Fill in the application form legibly, in block capitals.
note-czech-or-court-translation = All documents except the passport must be in Czech or officially translated into Czech. Documents issued abroad must be translated by a court translator.
note-originals-or-certified-copies = Hand in originals or officially certified copies of all documents.
note-apostille-or-legalisation = Documents issued by a foreign authority need an apostille or consular legalisation, depending on the country that issued them.
note-document-validity = Documents attached to the application are valid for only { $days ->
    [one] { $days } day
   *[other] { $days } days
}. This does not apply to the passport, the birth certificate, the marriage certificate and the photographs.
note-registered-post-to-oamp = If you send documents by post, always send them by registered post to the OAMP office, not to the Foreign Police, and keep the postal receipt as proof. You can also ask for an advice of delivery to get confirmation that the Ministry received them.

## Purposes of stay and kinds of application
purpose-study = Study
purpose-employee-card = Employee card
purpose-blue-card = Blue Card
purpose-business = Business
purpose-family-reunification = Family reunification
application-first-long-term = First application for a long-term residence permit
application-extension = Extension of a long-term residence permit
application-permanent-residence = Application for a permanent residence permit
application-child-born = Residence of a child born in the Czech Republic

## Fees (domain.md §7)
fee-card-issue-or-extension = Issue of a residence card or extension of its validity
fee-card-data-change = Change of information in the residence card
fee-card-replacement = New residence card replacing a damaged, destroyed, lost or stolen card, or a card whose chip does not work
fee-card-replacement-chip-no-fault = New residence card when the chip does not work through no fault of yours
fee-citizenship = Grant of Czech citizenship
fee-amount = { $czk } CZK
fee-free = Free of charge
fee-paid-by-stamps = Paid in revenue stamps (kolkové známky), which you can buy at any post office.

## Schengen 90/180 calculator
schengen-error-exit-before-entry = The day you left is before the day you entered. Please check the dates of this stay.
schengen-error-overlapping-stays = Two stays overlap. Please check the dates: a stay can begin on the day the previous one ended at the earliest.
schengen-error-no-days-left = You have no days left: entering on that day would break the 90/180 rule (at most 90 days in any 180-day period in the Schengen area).
schengen-error-invalid-rules = The Schengen calculator is temporarily unavailable because of a configuration error. Please try again later.

## Deadline calculator errors (deadlines::DeadlineError)
deadline-error-unknown-event = We do not know this event. Please choose one from the list.
deadline-error-unknown-stay = Please choose the kind of your stay: long-term or permanent.
deadline-error-date-too-early = This date is too far in the past for the calculator. Please check the year.
deadline-error-date-too-late = This date is too far in the future for the calculator. Please check the year.
deadline-error-missing-stay = For a change of address, please say whether you have a long-term or a permanent stay.
deadline-error-option-not-applicable = This option does not apply to the event you chose.
deadline-error-invalid-rules = The deadline calculator is temporarily unavailable because of a configuration error. Please try again later.

## Where the information comes from
guidance-disclaimer = This information comes from the Ministry of the Interior's leaflets for foreigners (including the April 2011 leaflet on biometric data in residence cards) and from later guides for foreigners. It is only a guide and does not replace the decision of the office. Where the sources differ, we use the newer rule and say so on the page.
guidance-sources-differ-extension = The sources differ: the newer guide says you can apply for an extension from 120 days before your permit expires until its last day of validity; the 2011 leaflet said from 90 to 14 days before expiry. The deadlines on this page follow the newer rule.
guidance-sources-differ-business = The sources differ: one guide says you can change the purpose of your stay to business after 2 years of stay in the Czech Republic, another after 5 years. Please check with the OAMP office before you apply.
