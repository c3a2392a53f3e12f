### Тексти сторінок довідника (українською): «Що мені потрібно зробити?», шенгенський
### калькулятор 90/180 і переліки документів. Самі факти (події, обов'язки, правила,
### документи, збори, помилки, застереження) містяться в guidance.ftl.

## Навігація та головна сторінка
guide-nav = Довідник
guide-home-title = Що мені потрібно зробити?
guide-home-body = Розкажіть нам, що сталося: наприклад, ви приїхали, у вас закінчується строк дії дозволу або у вас зняли відбитки пальців. Ми підкажемо, що потрібно зробити, до якого дня, в якій установі та що взяти з собою.
guide-home-start = Дізнатися, що робити
guide-home-schengen = Порахувати дні в Шенгенській зоні (90/180)
guide-home-checklist = Що взяти з собою до відділення і скільки це коштує

## Рамка кожної сторінки довідника
guide-caption = Що мені потрібно зробити?
guide-notice-title = Про цю інформацію
guide-sources-title = Звідки ця інформація
guide-source-s0 = Листівка про систему запису на прийом до OAMP (англійською), дата не зазначена
guide-source-s1 = Посібник про дозволи на проживання (українською), дата не зазначена
guide-source-s2 = Яка установа що вирішує, і посвідчення на проживання з біометричними даними (в'єтнамською), дата не зазначена; описує посвідчення, які видають з травня 2011 року
guide-source-s3 = Листівка «Біометричні дані в посвідченнях на проживання» (чеською), квітень 2011 року
guide-source-s4 = Посібник для громадян третіх країн (російською), дата не зазначена
guide-links-title = Інша допомога
guide-link-deadlines = Що мені потрібно зробити, якщо щось сталося?
guide-link-schengen = Шенгенський калькулятор 90/180
guide-link-checklist = Що взяти з собою і скільки це коштує

## Питання 1: що сталося
guide-event-title = Що сталося?
guide-event-hint = Оберіть варіант, який підходить найкраще. Якщо сталося кілька подій, перевірте їх по черзі.
guide-error-choose-event = Оберіть, що сталося

## Питання 2: дата
guide-date-hint = Наприклад, 27 3 2026
guide-stay-legend = Який у вас вид перебування?
guide-collect-legend = Ваша віза
guide-collect-label = Довгострокову візу мені видали для того, щоб отримати тут дозвіл на проживання
guide-collect-hint = Про це вам сказали в посольстві чи консульстві Чеської Республіки, коли видавали візу.
guide-show-result = Показати, що мені потрібно зробити
guide-error-date-empty = Введіть дату
guide-error-date-invalid = Введіть справжню дату: день, місяць і рік цифрами, наприклад 27 3 2026

## Результат
guide-result-title = Що вам потрібно зробити
guide-result-answer = Ви вказали: { $event } – { $date }
guide-result-change = Змінити відповіді
guide-result-other = Перевірити іншу подію
guide-result-count = { $count ->
    [one] Вам потрібно зробити { $count } справу.
    [few] Вам потрібно зробити { $count } справи в тому порядку, в якому спливають строки.
    [many] Вам потрібно зробити { $count } справ у тому порядку, в якому спливають строки.
   *[other] Вам потрібно зробити { $count } справи в тому порядку, в якому спливають строки.
}
guide-today = Сьогодні { $date }
guide-authority-label = Установа
guide-authority-oamp-note = Документи для цього кроку подають до Міністерства внутрішніх справ (OAMP), а не до Поліції у справах іноземців.
guide-authority-police-note = Цей крок стосується поліції, а не відділення OAMP. Записатися на нього тут не можна.
guide-earliest-label = Найраніше
guide-deadline-label = Останній день
guide-rule-label = Як рахується строк
guide-representative-label = Чи може це зробити за вас хтось інший?
guide-representative-yes = Так, це може зробити за вас представник із вашою письмовою довіреністю.
guide-representative-no = Ні, ви повинні зробити це особисто.
guide-office-label = Яке відділення
guide-office-bio = Лише відділення, де знімають відбитки пальців і фотографують (позначене BIO).
guide-fee-label = Збір
guide-note-label = Зверніть увагу
guide-countdown-future = { $days ->
    [one] через { $days } день
    [few] через { $days } дні
    [many] через { $days } днів
   *[other] через { $days } дня
}
guide-countdown-today = сьогодні
guide-countdown-past = { $days ->
    [one] { $days } день тому – строк минув
    [few] { $days } дні тому – строк минув
    [many] { $days } днів тому – строк минув
   *[other] { $days } дня тому – строк минув
}
guide-opens-future = { $days ->
    [one] можна буде через { $days } день
    [few] можна буде через { $days } дні
    [many] можна буде через { $days } днів
   *[other] можна буде через { $days } дня
}
guide-opens-now = уже можна
guide-add-calendar = Додати до календаря
guide-book = Записатися на цей прийом
guide-what-to-bring = Що взяти з собою

## Файл календаря для одного строку
guide-ics-summary = Останній день: { $action }
guide-ics-earliest = Зробити це можна з { $date }.
guide-ics-reminder = Завтра останній день: { $action }

## Збори
guide-fee-with-child = { $amount } (діти до 15 років: { $child })
guide-fee-line = { $act }: { $amount }

## Шенгенський калькулятор 90/180
guide-schengen-title = Шенгенський калькулятор 90/180
guide-schengen-intro = У Шенгенській зоні можна перебувати не більше 90 днів протягом будь-якого періоду в 180 днів. Рахується кожен день, коли ви там перебуваєте, зокрема день в'їзду і день виїзду.
guide-schengen-stays-legend = Ваші перебування в Шенгенській зоні
guide-schengen-stays-hint = Один рядок для кожного перебування: день в'їзду і день виїзду. Решту рядків залиште порожніми.
guide-schengen-stay = Перебування { $n }
guide-schengen-entry = В'їзд
guide-schengen-exit = Виїзд
guide-schengen-more = Додати ще рядки
guide-schengen-on = Рахувати на день
guide-schengen-on-hint = Якщо залишити поле порожнім, рахуємо на сьогодні або на день запланованого в'їзду, якщо ви його вкажете.
guide-schengen-plan = Запланований в'їзд (необов'язково)
guide-schengen-plan-hint = Якщо плануєте поїздку, введіть день в'їзду. Ми підкажемо, до якого дня можна залишатися.
guide-schengen-submit = Порахувати
guide-schengen-result-title = Результат
guide-schengen-used-label = Днів у Шенгенській зоні
guide-schengen-left-label = Залишилося днів
guide-schengen-window-label = Період 180 днів
guide-schengen-window-value = { $start } – { $end }
guide-schengen-latest-label = Останній день перебування з в'їздом { $date }
guide-schengen-days = { $days ->
    [one] { $days } день
    [few] { $days } дні
    [many] { $days } днів
   *[other] { $days } дня
}
guide-schengen-left-note = Період постійно зсувається, і старі дні з нього випадають, тому кількість днів, що залишилися, не дорівнює тривалості поїздки, яку ви ще можете здійснити. Щоб спланувати поїздку, введіть день в'їзду.
guide-schengen-no-stay = Введіть принаймні одне перебування: день в'їзду і день виїзду.
guide-schengen-entry-empty = Введіть день в'їзду
guide-schengen-exit-empty = Введіть день виїзду
guide-schengen-date-invalid = Введіть справжню дату, наприклад 27.3.2026
guide-schengen-row-error = Перебування { $n }: { $message }
guide-schengen-plan-error = Запланований в'їзд: { $message }
guide-schengen-on-error = Рахувати на день: { $message }
guide-chart-title = Ваші дні в Шенгенській зоні за 180 днів до { $date }
guide-chart-desc = { $used ->
    [one] З { $start } до { $end } ви перебували в Шенгенській зоні { $used } день; залишилося { $left }.
    [few] З { $start } до { $end } ви перебували в Шенгенській зоні { $used } дні; залишилося { $left }.
    [many] З { $start } до { $end } ви перебували в Шенгенській зоні { $used } днів; залишилося { $left }.
   *[other] З { $start } до { $end } ви перебували в Шенгенській зоні { $used } дня; залишилося { $left }.
}
guide-chart-window = Період 180 днів
guide-chart-stay = Перебування
guide-chart-planned = Заплановане перебування
guide-chart-on = Рахуємо на день
guide-chart-tick = { $day }.{ $month }
guide-table-caption = Ваші перебування і дні, які рахуються
guide-table-stay = Перебування
guide-table-entry = В'їзд
guide-table-exit = Виїзд
guide-table-days = Днів
guide-table-in-window = З них у періоді 180 днів
guide-table-planned = Заплановане

## Що взяти з собою
guide-checklist-title = Що взяти з собою
guide-checklist-intro = Оберіть заяву, і ми покажемо, що потрібно взяти з собою і скільки це коштує. Перелік можна роздрукувати.
guide-application-legend = Що ви подаєте?
guide-purpose-legend = Яка мета вашого перебування?
guide-purpose-hint = Це важливо лише для першої заяви і для продовження.
guide-purpose-other = Інша, або я не знаю
guide-checklist-submit = Показати перелік
guide-error-choose-application = Оберіть, що ви подаєте
guide-error-choose-purpose = Оберіть мету перебування зі списку
guide-checklist-heading = Що взяти з собою: { $application }
guide-checklist-purpose = Мета перебування: { $purpose }
guide-checklist-documents = Документи
guide-checklist-notes = Що варто знати про документи
guide-checklist-change = Обрати іншу заяву
guide-fees-title = Збори
guide-fees-act = За що
guide-fees-adult = Збір
guide-fees-child = Діти до 15 років
guide-print = Роздрукувати перелік

## Запис на прийом, коли довідник знає більше
guide-book-fee = Збір: { $fee }
guide-pickup-only-office = Біометричні дані у вас зняли у відділенні { $office } { $date }. Посвідчення можна отримати лише в тому самому відділенні, тому пропонуємо тільки його.
guide-pickup-wrong-office = Посвідчення можна отримати лише у відділенні { $office }, де у вас зняли біометричні дані.
