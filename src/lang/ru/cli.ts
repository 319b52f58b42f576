import type { Message } from '../t.js';
import type { CLI as EN } from '../en/cli.js';
import { CLI_EXPLAIN } from './cli-explain.js';

/** The Russian messages of the command line: every id of src/lang/en/cli.ts (and of the files it spreads in). */
export const CLI: Record<keyof typeof EN, Message> = {
  ...CLI_EXPLAIN,
  'cli.program.description': 'Выясняет, почему запрос к RuAPI не проходит, и что нужно поменять.',
  'cli.program.version': 'показать версию',
  'cli.program.after': `
Примеры:
  $ npx ruapi doctor                  проверить настройку, затем связь со шлюзом
  $ ruapi doctor --ci --json          проверка в пайплайне: JSON в stdout, код 1 при проблеме
  $ ruapi explain 404                 что значит 404 от RuAPI и как это исправить
  $ pbpaste | ruapi explain           объяснить вставленную ошибку (трассировку, JSON, curl -i …)
  $ ruapi models claude               ID моделей, которые принимает RuAPI

Коды выхода: 0 — всё в порядке, 1 — найдена проблема или ничего не подошло,
2 — ошибка в команде, 70 — внутренняя ошибка, 130 — прервано.`,

  'cli.help.usage': 'Использование:',
  'cli.help.options': 'Параметры:',
  'cli.help.global-options': 'Глобальные параметры:',
  'cli.help.arguments': 'Аргументы:',
  'cli.help.commands': 'Команды:',
  'cli.help.examples': 'Примеры:',
  'cli.help.options-token': '[параметры]',
  'cli.help.command-token': '[команда]',
  'cli.help.help': 'показать справку по команде',
  'cli.help.choices': 'варианты: {choices}',
  'cli.help.default': 'по умолчанию: {value}',

  'cli.error.unknown-option': 'неизвестный параметр «{flag}»',
  'cli.error.unknown-command': 'неизвестная команда «{name}»',
  'cli.error.did-you-mean': '(Может быть, {name}?)',
  'cli.error.did-you-mean-one-of': '(Может быть, одна из этих: {names}?)',
  'cli.error.choices': 'у параметра «{flags}» недопустимое значение «{value}». Допустимые значения: {choices}.',
  'cli.error.invalid': 'у параметра «{flags}» недопустимое значение «{value}». {reason}',
  'cli.error.option-missing': 'у параметра «{flags}» не указано значение',
  'cli.error.argument-missing': 'не указан обязательный аргумент «{name}»',
  'cli.error.too-many': {
    one: 'слишком много аргументов: ожидался {n} аргумент, а передано {got}.',
    few: 'слишком много аргументов: ожидалось {n} аргумента, а передано {got}.',
    many: 'слишком много аргументов: ожидалось {n} аргументов, а передано {got}.',
    other: 'слишком много аргументов: ожидалось {n} аргумента, а передано {got}.',
  },
  'cli.error.too-many-for': {
    one: 'слишком много аргументов для «{command}»: ожидался {n} аргумент, а передано {got}.',
    few: 'слишком много аргументов для «{command}»: ожидалось {n} аргумента, а передано {got}.',
    many: 'слишком много аргументов для «{command}»: ожидалось {n} аргументов, а передано {got}.',
    other: 'слишком много аргументов для «{command}»: ожидалось {n} аргумента, а передано {got}.',
  },

  'cli.flag.debug': 'показывать трассировку стека при внутренних ошибках',
  'cli.flag.no-color': 'вывод без цвета (NO_COLOR и FORCE_COLOR тоже учитываются)',
  'cli.flag.lang': 'язык вывода: en или ru (по умолчанию: RUAPI_LANG, затем локаль)',
  'cli.flag.protocol': 'какой протокол проверять',
  'cli.flag.base-url': 'базовый URL для проверки (важнее переменных окружения и файлов)',
  'cli.flag.key': 'ключ для проверки (останется в истории shell: лучше --key-stdin или переменная окружения)',
  'cli.flag.key-stdin': 'прочитать ключ со стандартного ввода',
  'cli.flag.model': 'ID модели для проверки',
  'cli.flag.env-file': 'читать этот файл .env вместо ./.env',
  'cli.flag.offline': 'без сети: проверить только настройку',
  'cli.flag.no-probe': 'не делать крошечный платный запрос (max_tokens 1), который проверяет ключ, модель и баланс',
  'cli.flag.stream': 'проверить и потоковый запрос',
  'cli.flag.timeout': 'ограничение времени на всю проверку связи, в секундах (по умолчанию 25)',
  'cli.flag.timeout.invalid': 'Нужно число секунд больше 0 и не больше 3600, например 25 или 0.5.',
  'cli.flag.allow-host': 'разрешить отправлять ключ на этот хост, хотя это не RuAPI (можно повторять)',
  'cli.flag.client': 'проверить только этот клиент, найден он или нет (claude-code, codex, openai-python … : см. README)',
  'cli.flag.allow-key-helper': 'запустить apiKeyHelper из Claude Code и проверить ключ, который он выдаст (в терминале спросит)',
  'cli.flag.ci': 'ничего не спрашивать и не анимировать (по умолчанию, когда stdin — не терминал)',
  'cli.flag.json': 'выводить в stdout только JSON',
  'cli.flag.strict': 'считать проблемой и предупреждения',
  'cli.flag.verbose': 'показать пройденные проверки и итоговую настройку',
  'cli.flag.fix': 'исправить файлы, из которых пришли неверные значения (сначала спросит)',
  'cli.flag.yes': 'вместе с --fix: исправить без вопросов',
  'cli.flag.report': 'вывести отчёт для поддержки (Markdown) вместо результатов проверки',
  'cli.flag.format': 'формат вывода',
  'cli.flag.output': 'ещё и записать выбранный формат в этот файл',
  'cli.flag.demo': 'запустить доктор на локальном симуляторе: раз с верной настройкой, раз со сломанной',

  'cli.explain.summary': 'объяснить код ошибки или вставленную ошибку, без сети',
  'cli.explain.description':
    'Объясняет ошибку RuAPI: укажите код (401, 5xx, timeout, insufficient_quota …) или вставьте текст ошибки.\n' +
    'Если указан «-» или аргумента нет, а ввод передан через конвейер, текст читается со стандартного ввода.',
  'cli.explain.input': 'код, название ошибки, вставленный текст ошибки или «-» для стандартного ввода',
  'cli.explain.json': 'вывести JSON: {matches: [...], input: {kind}}',
  'cli.explain.lang': 'язык объяснения: en или ru (по умолчанию: RUAPI_LANG, затем локаль)',
  'cli.doctor.summary': 'проверить настройку RuAPI перед первым запросом',
  'cli.doctor.description':
    'Находит настройку RuAPI (флаги, переменные окружения, .env, настройки Claude Code), проверяет ключ, базовый URL и ' +
    'модель без сети, затем связь со шлюзом, и говорит, что поменять и где.',
  'cli.doctor.examples': `
Примеры:
  $ npx ruapi doctor
  $ ruapi doctor --offline                       без сети, только настройка
  $ ruapi doctor --protocol anthropic --model claude-opus-4-8
  $ printf %s "$RUAPI_API_KEY" | ruapi doctor --key-stdin --base-url https://www.ruapi.ai/v1
  $ ruapi doctor --ci --json > doctor.json       проверка в пайплайне
  $ ruapi doctor --ci --format junit --output ruapi.xml
  $ ruapi doctor --fix                           исправить .env и настройки Claude Code на месте
  $ ruapi doctor --demo                          посмотреть на работу с локальным симулятором`,
  'cli.models.summary': 'список ID моделей, которые принимает RuAPI, и их статус у провайдеров',
  'cli.models.filter': 'только ID, в которых есть этот текст',
  'cli.models.retired-flag': 'только ID, снятые у провайдеров, с заменами: с чего переходить',
  'cli.models.json': 'вывести JSON',
  'cli.report.summary': 'отчёт для письма в поддержку, ключ скрыт',
  'cli.simulate.summary': 'запустить локальную замену RuAPI (оба протокола), которая ошибается по заказу',
  'cli.simulate.port': 'порт на 127.0.0.1 (по умолчанию: любой свободный)',
  'cli.simulate.fail': "сбои: 429, 402, 401, 404-model, 500, 502, 503, 529, slow, stall, cut, reset; '429:0.3' — с вероятностью, '503,503,ok' — по очереди",
  'cli.simulate.json': 'первая строка в stdout: {"openaiBaseUrl", "anthropicBaseUrl", "key", …}',
  'cli.simulate.unlisted': 'ID моделей, которые он обслуживает, но не показывает в GET /v1/models',
  'cli.simulate.examples': `
Примеры:
  $ ruapi simulate
  $ ruapi simulate --fail 503,503,ok      третья попытка проходит: проверьте свой цикл повторов
  $ ruapi simulate --fail 429:0.3         три запроса из десяти получают 429
  $ ruapi simulate --json --port 8787`,
  'cli.completion.summary': 'вывести скрипт автодополнения для shell',
  'cli.completion.shell': 'bash, zsh или fish',
  'cli.completion.unknown-shell': 'для shell «{shell}» автодополнения нет: выберите {shells}.',
  'cli.completion.load-bash': 'автодополнение {name} для bash. Подключить: source <({name} completion bash)',
  'cli.completion.load-zsh': 'автодополнение {name} для zsh. Подключить: source <({name} completion zsh)',
  'cli.completion.save-zsh': 'или сохраните его как _{name} в папке из $fpath.',
  'cli.completion.save-fish': 'автодополнение {name} для fish. Сохраните его как ~/.config/fish/completions/{name}.fish',

  'cli.models.note':
    'ID с отметкой docs названы в документации RuAPI; остальные — собственные ID провайдеров для семейств, которые продаёт RuAPI, с прайс-листом RuAPI они не сверены. Даты снятия — от провайдеров (RuAPI может обслуживать ID дольше или перестать раньше). RuAPI принимает только точные ID; последнее слово за страницей цен на https://www.ruapi.ai.',
  'cli.models.docs': 'docs',
  'cli.models.status.current': 'работает',
  'cli.models.status.retiring': 'снимается {date}',
  'cli.models.status.retiring-undated': 'снимается (дата не объявлена)',
  'cli.models.status.retired': 'снят {date}',
  'cli.models.status.retired-undated': 'снят (дата не объявлена)',
  'cli.models.status.replacement': '{status}, замена: {id}',
  'cli.models.heading': 'ID моделей, встроенный снимок от {date}, на {today}:',
  'cli.models.heading-filter': 'ID моделей с «{filter}», встроенный снимок от {date}, на {today}:',
  'cli.models.heading-retired': 'ID моделей, снятые у провайдеров к {today}, — с них пора переходить:',
  'cli.models.heading-retired-filter': 'ID моделей с «{filter}», снятые у провайдеров к {today}, — с них пора переходить:',
  'cli.models.hidden': {
    one: '{n} снятый ID не показан: `ruapi models --retired` покажет его с заменой.',
    few: '{n} снятых ID не показаны: `ruapi models --retired` покажет их с заменами.',
    many: '{n} снятых ID не показаны: `ruapi models --retired` покажет их с заменами.',
    other: '{n} снятых ID не показаны: `ruapi models --retired` покажет их с заменами.',
  },
  'cli.models.none': 'ruapi: во встроенном списке (снимок от {date}) нет ID модели с «{filter}».',
  'cli.models.none-retired': 'ruapi: во встроенном списке (снимок от {date}) нет снятого ID модели с «{filter}».',
  'cli.models.none-but-working': {
    one: 'ruapi: во встроенном списке (снимок от {date}) нет снятого ID модели с «{filter}», но есть {n} ID, который у провайдера ещё работает: его покажет `ruapi models {filter}`.',
    few: 'ruapi: во встроенном списке (снимок от {date}) нет снятого ID модели с «{filter}», но есть {n} ID, которые у провайдеров ещё работают: их покажет `ruapi models {filter}`.',
    many: 'ruapi: во встроенном списке (снимок от {date}) нет снятого ID модели с «{filter}», но есть {n} ID, которые у провайдеров ещё работают: их покажет `ruapi models {filter}`.',
    other: 'ruapi: во встроенном списке (снимок от {date}) нет снятого ID модели с «{filter}», но есть {n} ID, которые у провайдеров ещё работают: их покажет `ruapi models {filter}`.',
  },
  'cli.models.none-but-retired': {
    one: 'ruapi: среди работающих у провайдеров ID моделей нет ID с «{filter}», но есть {n} снятый: `ruapi models {filter} --retired` покажет его с заменой.',
    few: 'ruapi: среди работающих у провайдеров ID моделей нет ID с «{filter}», но есть {n} снятых: `ruapi models {filter} --retired` покажет их с заменами.',
    many: 'ruapi: среди работающих у провайдеров ID моделей нет ID с «{filter}», но есть {n} снятых: `ruapi models {filter} --retired` покажет их с заменами.',
    other: 'ruapi: среди работающих у провайдеров ID моделей нет ID с «{filter}», но есть {n} снятых: `ruapi models {filter} --retired` покажет их с заменами.',
  },
  'cli.models.meant-filter': {
    one: 'Может быть, «{filter}»? `{command}` покажет {n} ID.',
    other: 'Может быть, «{filter}»? `{command}` покажет {n} ID.',
    few: 'Может быть, «{filter}»? `{command}` покажет {n} ID.',
    many: 'Может быть, «{filter}»? `{command}` покажет {n} ID.',
  },
  'cli.models.meant-ids': 'Может быть, {ids}?',

  'cli.simulate.port-in-use': 'ruapi: порт {port} на 127.0.0.1 уже занят: выберите другой через --port или уберите --port, чтобы получить свободный.',
  'cli.simulate.port-denied': 'ruapi: нет прав слушать порт {port}: выберите порт выше 1023.',
  'cli.simulate.cannot-start': 'ruapi: не удалось запустить симулятор: {reason}',
  'cli.simulate.not-a-port': '--port «{value}» — не порт: укажите целое число от 1 до 65535 (или 0, чтобы получить свободный).',
  'cli.simulate.stopped': {
    one: 'ruapi simulate: остановлен ({signal}) после {n} запроса.',
    few: 'ruapi simulate: остановлен ({signal}) после {n} запросов.',
    many: 'ruapi simulate: остановлен ({signal}) после {n} запросов.',
    other: 'ruapi simulate: остановлен ({signal}) после {n} запроса.',
  },
  'cli.simulate.banner.title': '{name}: локальная замена RuAPI на {url} (Ctrl-C — остановить)',
  'cli.simulate.banner.openai': '  Протокол OpenAI     базовый URL  {url}',
  'cli.simulate.banner.anthropic': '  Протокол Anthropic  базовый URL  {url}',
  'cli.simulate.banner.key': '  Ключ (рабочий)                   {key}',
  'cli.simulate.banner.faults': 'Сбои в этом запуске: {faults}',
  'cli.simulate.banner.no-faults': 'Сбоев в этом запуске нет',
  'cli.simulate.banner.one-at-a-time': 'Сбой для одного запроса: ID модели sim-fault-<сбой> (например, sim-fault-529) или один из этих ключей:',
  'cli.simulate.banner.try': 'Попробуйте:',
  'cli.simulate.banner.logged': 'Запросы пишутся в stderr, ключи скрыты. Эти ключи ненастоящие: они работают только здесь.',
  'cli.simulate.fail.empty': '--fail требует хотя бы один сбой, например --fail 429',
  'cli.simulate.fail.empty-step': '--fail «{spec}»: пустой шаг; перечисляйте сбои через одну запятую',
  'cli.simulate.fail.unknown': 'неизвестный сбой «{name}» в --fail; известные: {known}',
  'cli.simulate.fail.colons': 'в шаге --fail «{step}» больше одного «:»; пишите сбой:вероятность, например 429:0.3',
  'cli.simulate.fail.rate': 'вероятность «{rate}» в шаге «{step}» для --fail должна быть числом от 0 до 1, например 429:0.3',
  'cli.simulate.fault.ok': 'обычный ответ',
  'cli.simulate.fault.400': '400 неверный запрос',
  'cli.simulate.fault.401': '401 ключ отклонён',
  'cli.simulate.fault.402': '402 баланс исчерпан',
  'cli.simulate.fault.403': '403 ключу это не разрешено',
  'cli.simulate.fault.404-model': '404 модель не найдена',
  'cli.simulate.fault.404-url': '404 неизвестный путь (его получает неверный базовый URL)',
  'cli.simulate.fault.413': '413 слишком большой запрос',
  'cli.simulate.fault.429': '429 лимит запросов, с retry-after',
  'cli.simulate.fault.429-quota': '429 insufficient_quota (оплата, а не ограничение частоты)',
  'cli.simulate.fault.500': '500 внутренняя ошибка',
  'cli.simulate.fault.502': '502 ошибка на стороне провайдера',
  'cli.simulate.fault.503': '503 перегрузка, с retry-after',
  'cli.simulate.fault.504': '504 провайдер не ответил вовремя',
  'cli.simulate.fault.529': '529 перегрузка (как у Anthropic)',
  'cli.simulate.fault.slow': 'заголовки приходят только после долгой задержки',
  'cli.simulate.fault.stall': 'начало тела ответа, потом тишина до конца долгой задержки, потом соединение рвётся',
  'cli.simulate.fault.cut': 'ответ обрывается на середине: поток без завершающего события',
  'cli.simulate.fault.reset': 'соединение рвётся до всякого ответа',
  'cli.simulate.fault.html': '200 с HTML-страницей вместо JSON',
  'cli.simulate.fault.empty': '200 с пустым телом',
  'cli.simulate.fault.redirect': '307 перенаправление на другой хост',
  'cli.simulate.fault.no-models': 'GET /v1/models отвечает 404; всё остальное работает',
};
