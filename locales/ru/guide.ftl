### Тексты страниц справочника (по-русски): «Что мне нужно сделать?», шенгенский
### калькулятор 90/180 и списки документов. Сами факты (события, обязанности, правила,
### документы, сборы, ошибки, оговорка) находятся в guidance.ftl.

## Навигация и главная страница
guide-nav = Справочник
guide-home-title = Что мне нужно сделать?
guide-home-body = Расскажите нам, что произошло: например, вы приехали, у вас заканчивается срок действия разрешения или у вас сняли отпечатки пальцев. Мы подскажем, что нужно сделать, до какого дня, в каком ведомстве и что взять с собой.
guide-home-start = Узнать, что делать
guide-home-schengen = Посчитать дни в Шенгенской зоне (90/180)
guide-home-checklist = Что взять с собой в отделение и сколько это стоит

## Рамка каждой страницы справочника
guide-caption = Что мне нужно сделать?
guide-notice-title = Об этой информации
guide-sources-title = Откуда эта информация
guide-source-s0 = Памятка о системе записи на приём в OAMP (на английском), дата не указана
guide-source-s1 = Руководство по разрешениям на пребывание (на украинском), дата не указана
guide-source-s2 = Какое ведомство чем занимается, и удостоверения с биометрическими данными (на вьетнамском), дата не указана; описывает удостоверения, которые выдаются с мая 2011 года
guide-source-s3 = Памятка «Биометрические данные в удостоверениях о разрешении на пребывание» (на чешском), апрель 2011 года
guide-source-s4 = Руководство для граждан третьих стран (на русском), дата не указана
guide-links-title = Другая помощь
guide-link-deadlines = Что мне нужно сделать, если что-то произошло?
guide-link-schengen = Шенгенский калькулятор 90/180
guide-link-checklist = Что взять с собой и сколько это стоит

## Вопрос 1: что произошло
guide-event-title = Что произошло?
guide-event-hint = Выберите вариант, который подходит лучше всего. Если произошло несколько событий, проверьте их по очереди.
guide-error-choose-event = Выберите, что произошло

## Вопрос 2: дата
guide-date-hint = Например, 27 3 2026
guide-stay-legend = Какой у вас вид пребывания?
guide-collect-legend = Ваша виза
guide-collect-label = Долгосрочная виза выдана мне для получения здесь разрешения на пребывание
guide-collect-hint = Об этом вам сообщили в посольстве или консульстве Чешской Республики при выдаче визы.
guide-show-result = Показать, что мне нужно сделать
guide-error-date-empty = Введите дату
guide-error-date-invalid = Введите настоящую дату: день, месяц и год цифрами, например 27 3 2026

## Результат
guide-result-title = Что вам нужно сделать
guide-result-answer = Вы указали: { $event } — { $date }
guide-result-change = Изменить ответы
guide-result-other = Проверить другое событие
guide-result-count = { $count ->
    [one] Вам нужно сделать { $count } дело.
    [few] Вам нужно сделать { $count } дела — в том порядке, в каком истекают сроки.
    [many] Вам нужно сделать { $count } дел — в том порядке, в каком истекают сроки.
   *[other] Вам нужно сделать { $count } дела — в том порядке, в каком истекают сроки.
}
guide-today = Сегодня { $date }
guide-authority-label = Ведомство
guide-authority-oamp-note = Документы для этого шага подаются в Министерство внутренних дел (OAMP), а не в полицию по делам иностранцев.
guide-authority-police-note = Этот шаг относится к полиции, а не к отделению OAMP. Записаться на него здесь нельзя.
guide-earliest-label = Не ранее
guide-deadline-label = Последний день
guide-rule-label = Как считается срок
guide-representative-label = Может ли это сделать за вас кто-то другой?
guide-representative-yes = Да, это может сделать за вас представитель с вашей письменной доверенностью.
guide-representative-no = Нет, вы должны сделать это лично.
guide-office-label = Какое отделение
guide-office-bio = Только отделение, где снимают отпечатки пальцев и фотографируют (с пометкой BIO).
guide-fee-label = Сбор
guide-note-label = Обратите внимание
guide-countdown-future = { $days ->
    [one] через { $days } день
    [few] через { $days } дня
    [many] через { $days } дней
   *[other] через { $days } дня
}
guide-countdown-today = сегодня
guide-countdown-past = { $days ->
    [one] { $days } день назад — срок истёк
    [few] { $days } дня назад — срок истёк
    [many] { $days } дней назад — срок истёк
   *[other] { $days } дня назад — срок истёк
}
guide-opens-future = { $days ->
    [one] можно будет через { $days } день
    [few] можно будет через { $days } дня
    [many] можно будет через { $days } дней
   *[other] можно будет через { $days } дня
}
guide-opens-now = уже можно
guide-add-calendar = Добавить в календарь
guide-book = Записаться на этот приём
guide-what-to-bring = Что взять с собой

## Файл календаря для одного срока
guide-ics-summary = Последний день: { $action }
guide-ics-earliest = Сделать это можно с { $date }.
guide-ics-reminder = Завтра последний день: { $action }

## Сборы
guide-fee-with-child = { $amount } (дети до 15 лет: { $child })
guide-fee-line = { $act }: { $amount }

## Шенгенский калькулятор 90/180
guide-schengen-title = Шенгенский калькулятор 90/180
guide-schengen-intro = В Шенгенской зоне можно находиться не более 90 дней в течение любого периода в 180 дней. Считается каждый день, когда вы там находитесь, в том числе день въезда и день выезда.
guide-schengen-stays-legend = Ваши пребывания в Шенгенской зоне
guide-schengen-stays-hint = Одна строка для каждого пребывания: день въезда и день выезда. Остальные строки оставьте пустыми.
guide-schengen-stay = Пребывание { $n }
guide-schengen-entry = Въезд
guide-schengen-exit = Выезд
guide-schengen-more = Добавить строки
guide-schengen-on = Считать на день
guide-schengen-on-hint = Если оставить поле пустым, считаем на сегодня или на день запланированного въезда, если вы его укажете.
guide-schengen-plan = Запланированный въезд (необязательно)
guide-schengen-plan-hint = Если вы планируете поездку, введите день въезда. Мы подскажем, до какого дня можно оставаться.
guide-schengen-submit = Посчитать
guide-schengen-result-title = Результат
guide-schengen-used-label = Дней в Шенгенской зоне
guide-schengen-left-label = Осталось дней
guide-schengen-window-label = Период 180 дней
guide-schengen-window-value = { $start } – { $end }
guide-schengen-latest-label = Последний день пребывания при въезде { $date }
guide-schengen-days = { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
}
guide-schengen-left-note = Период постоянно сдвигается, и старые дни из него выпадают, поэтому число оставшихся дней не равно длительности поездки, которую вы ещё можете совершить. Чтобы спланировать поездку, введите день въезда.
guide-schengen-no-stay = Введите хотя бы одно пребывание: день въезда и день выезда.
guide-schengen-entry-empty = Введите день въезда
guide-schengen-exit-empty = Введите день выезда
guide-schengen-date-invalid = Введите настоящую дату, например 27.3.2026
guide-schengen-row-error = Пребывание { $n }: { $message }
guide-schengen-plan-error = Запланированный въезд: { $message }
guide-schengen-on-error = Считать на день: { $message }
guide-chart-title = Ваши дни в Шенгенской зоне за 180 дней до { $date }
guide-chart-desc = { $used ->
    [one] С { $start } по { $end } вы находились в Шенгенской зоне { $used } день; осталось { $left }.
    [few] С { $start } по { $end } вы находились в Шенгенской зоне { $used } дня; осталось { $left }.
    [many] С { $start } по { $end } вы находились в Шенгенской зоне { $used } дней; осталось { $left }.
   *[other] С { $start } по { $end } вы находились в Шенгенской зоне { $used } дня; осталось { $left }.
}
guide-chart-window = Период 180 дней
guide-chart-stay = Пребывание
guide-chart-planned = Запланированное пребывание
guide-chart-on = Расчёт на день
guide-chart-tick = { $day }.{ $month }
guide-table-caption = Ваши пребывания и засчитываемые дни
guide-table-stay = Пребывание
guide-table-entry = Въезд
guide-table-exit = Выезд
guide-table-days = Дней
guide-table-in-window = Из них в периоде 180 дней
guide-table-planned = Запланированное

## Что взять с собой
guide-checklist-title = Что взять с собой
guide-checklist-intro = Выберите заявление, и мы покажем, что нужно взять с собой и сколько это стоит. Список можно распечатать.
guide-application-legend = Что вы подаёте?
guide-purpose-legend = Какова цель вашего пребывания?
guide-purpose-hint = Это важно только для первого заявления и для продления.
guide-purpose-other = Другая, или я не знаю
guide-checklist-submit = Показать список
guide-error-choose-application = Выберите, что вы подаёте
guide-error-choose-purpose = Выберите цель пребывания из списка
guide-checklist-heading = Что взять с собой: { $application }
guide-checklist-purpose = Цель пребывания: { $purpose }
guide-checklist-documents = Документы
guide-checklist-notes = Что полезно знать о документах
guide-checklist-change = Выбрать другое заявление
guide-fees-title = Сборы
guide-fees-act = За что
guide-fees-adult = Сбор
guide-fees-child = Дети до 15 лет
guide-print = Распечатать список

## Запись на приём, когда справочник знает больше
guide-book-fee = Сбор: { $fee }
guide-pickup-only-office = Биометрические данные у вас сняли в отделении { $office } { $date }. Удостоверение можно получить только в том же отделении, поэтому мы предлагаем только его.
guide-pickup-wrong-office = Удостоверение можно получить только в отделении { $office }, где у вас сняли биометрические данные.
