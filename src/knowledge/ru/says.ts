/**
 * The Russian for every `says` sentence of src/knowledge/patterns/, keyed by the English sentence
 * exactly as written there. `{url}` and `{model}` stay as they are: the matcher fills them in.
 * Grouped by the pattern file the sentence first appears in.
 */
export const SAYS_RU: Readonly<Record<string, string>> = {
  // src/knowledge/patterns/bad-request.ts
  'The prompt and the answer together exceed the model\'s context window.':
    'Промпт вместе с ответом не помещается в контекстное окно модели.',
  'The request is longer than the model\'s context window.':
    'Запрос длиннее контекстного окна модели.',
  'The prompt is longer than the model accepts.':
    'Промпт длиннее, чем принимает модель.',
  'The anthropic-version header is missing: an Anthropic-protocol request without it is refused (or the request reached the wrong endpoint).':
    'Нет заголовка anthropic-version: без него запрос по протоколу Anthropic отклоняется (или запрос попал не на тот эндпоинт).',
  'The anthropic-version header holds a bad value (often sent twice by a proxy).':
    'В заголовке anthropic-version неверное значение (часто прокси передаёт его дважды).',
  'The gateway could not read the model out of the request: the body is not what this endpoint expects.':
    'Шлюз не смог прочитать модель из запроса: тело не такое, какое ждёт этот эндпоинт.',
  'The gateway could not read the request body: it is not valid JSON of the shape this endpoint expects.':
    'Шлюз не смог прочитать тело запроса: это не JSON той структуры, которую ждёт этот эндпоинт.',
  'max_tokens is out of range: send a positive value within the model\'s limit, or leave it out.':
    'max_tokens вне допустимого диапазона: передайте положительное значение в пределах лимита модели или не передавайте параметр вовсе.',
  'The request lacks a field this endpoint needs (messages, prompt, input…): the body does not fit the endpoint it was sent to.':
    'В запросе нет поля, которое нужно этому эндпоинту (messages, prompt, input…): тело не подходит к эндпоинту, на который его отправили.',
  'The gateway\'s content filter refused the prompt (sensitive words): rephrase it.':
    'Контент-фильтр шлюза отклонил промпт (запрещённые слова): переформулируйте его.',
  'The image size is written with "×": write it with a plain x, as 1024x1024.':
    'Размер изображения записан через «×»: пишите обычную латинскую x, например 1024x1024.',
  'The image size is not one this model accepts: use one of the sizes the message lists.':
    'Такой размер изображения эта модель не принимает: используйте один из размеров, перечисленных в сообщении.',
  // src/knowledge/patterns/connection-refused.ts
  'Nothing accepted the connection at {url}: a wrong host or port, or a proxy that is not running.':
    'По адресу {url} никто не принял соединение: неверный хост или порт либо не запущен прокси.',
  'The connection to {url} never opened (connect ETIMEDOUT): a firewall, a blocked network or a wrong address, not a slow answer.':
    'Соединение с {url} так и не открылось (connect ETIMEDOUT): это файрвол, заблокированная сеть или неверный адрес, а не медленный ответ.',
  'The text says only that no answer came back, not why: a wrong host (DNS), nothing listening, a proxy, or a time-out. `ruapi doctor` checks each link and names the one that fails.':
    'Текст говорит только, что ответ не пришёл, но не почему: неверный хост (DNS), никто не слушает, прокси или тайм-аут. `ruapi doctor` проверит каждое звено и назовёт то, что сбоит.',
  'The proxy your environment names (HTTPS_PROXY, HTTP_PROXY or the tool\'s setting) did not accept the connection: start it or unset it.':
    'Прокси, указанный в вашем окружении (HTTPS_PROXY, HTTP_PROXY или настройка инструмента), не принял соединение: запустите его или уберите настройку.',
  'The proxy refused to open a tunnel to the API (its own status, not the API\'s): check the proxy settings.':
    'Прокси отказался открыть туннель к API (это его собственный статус, а не ответ API): проверьте настройки прокси.',
  'The network has no route to the host at {url}: a firewall, VPN or an offline network.':
    'У сети нет маршрута до хоста по адресу {url}: мешает файрвол или VPN, либо нет сети.',
  'The request never got an answer ("error sending request"), and the text does not say why: a wrong host (DNS), nothing listening at {url}, a proxy, or a time-out. `ruapi doctor` checks each link and names the one that fails.':
    'Ответа на запрос так и не пришло («error sending request»), а почему — текст не говорит: неверный хост (DNS), никто не слушает по адресу {url}, прокси или тайм-аут. `ruapi doctor` проверит каждое звено и назовёт то, что сбоит.',
  // src/knowledge/patterns/dns.ts
  'The host name in {url} could not be looked up.':
    'Не удалось найти в DNS имя хоста из {url}.',
  'The DNS lookup failed for now (EAI_AGAIN): the network or its DNS is not working.':
    'DNS-запрос пока не проходит (EAI_AGAIN): не работает сеть или её DNS.',
  // src/knowledge/patterns/forbidden.ts
  'The request came from a region the provider does not serve.':
    'Запрос пришёл из региона, который провайдер не обслуживает.',
  'The key is valid but restricted: it lacks the permission (scope) this endpoint needs. Use an unrestricted key, or give this one that scope.':
    'Ключ действителен, но ограничен: у него нет разрешения (scope), которое нужно этому эндпоинту. Возьмите ключ без ограничений или выдайте этому нужный scope.',
  'The key may only be used from certain networks, and this address is not one of them.':
    'Ключом можно пользоваться только из определённых сетей, и этот адрес к ним не относится.',
  'The account is blocked.':
    'Аккаунт заблокирован.',
  'This key may not use that model: add it to the key\'s Model access in Console → Tokens, or use another key.':
    'Этому ключу нельзя использовать эту модель: добавьте её в «Доступ к моделям» у ключа в разделе «Консоль → Токены» или возьмите другой ключ.',
  'This key may use no model at all: set its Model access in Console → Tokens.':
    'Этому ключу не разрешена ни одна модель: настройте его «Доступ к моделям» в разделе «Консоль → Токены».',
  'The account is disabled.':
    'Аккаунт отключён.',
  'The key as sent has an extra part after a "-" (the gateway reads it as a channel id, which only admins may name): copy the key again, exactly.':
    'В отправленном ключе есть лишняя часть после «-» (шлюз принимает её за ID канала, а указывать канал могут только администраторы): скопируйте ключ заново, в точности.',
  'This key may only be used from certain IP addresses, and this one is not among them: add it to the key\'s IP allow-list in Console → Tokens, or use another key.':
    'Этим ключом можно пользоваться только с определённых IP-адресов, и этого среди них нет: добавьте его в список разрешённых IP ключа в разделе «Консоль → Токены» или возьмите другой ключ.',
  'The key\'s group is disabled on the gateway: pick another group for the key in Console → Tokens.':
    'Группа ключа на шлюзе отключена: выберите для ключа другую группу в разделе «Консоль → Токены».',
  'The key\'s group is deprecated on the gateway: pick another group for the key in Console → Tokens.':
    'Группа ключа на шлюзе устарела: выберите для ключа другую группу в разделе «Консоль → Токены».',
  'The key\'s group may not be used (disabled, or not open to this account): pick another group for the key in Console → Tokens.':
    'Группой ключа пользоваться нельзя (она отключена или закрыта для этого аккаунта): выберите для ключа другую группу в разделе «Консоль → Токены».',
  // src/knowledge/patterns/gateway-error.ts
  'The provider is overloaded right now (Anthropic\'s 529): wait a little and retry.':
    'Провайдер сейчас перегружен (529 у Anthropic): подождите немного и повторите.',
  'The server failed while handling the request ("An error occurred while processing your request") and the stream ended with it: a server-side failure, not your network. Retry.':
    'На сервере произошёл сбой при обработке запроса («An error occurred while processing your request»), и поток на этом закончился: это сбой на стороне сервера, а не вашей сети. Повторите.',
  'The provider\'s own proxy could not reach its backend ("upstream connect error"): a failure on the gateway side, not your connection. Retry later.':
    'Собственный прокси провайдера не смог связаться с его бэкендом («upstream connect error»): это сбой на стороне шлюза, а не вашего соединения. Повторите позже.',
  'The gateway could not look the key up (its own database query failed): a failure on the gateway side, not necessarily your key. Retry in a minute; if it lasts, write to support with the request id.':
    'Шлюз не смог найти ключ (отказал запрос к его собственной базе данных): это сбой на стороне шлюза, и ключ, возможно, в порядке. Повторите через минуту; если не проходит, напишите в поддержку и приложите ID запроса.',
  'The gateway\'s own data is inconsistent (a channel it routes to no longer exists): a failure on the gateway side, not your request. Retry later, or write to support with the request id.':
    'Собственные данные шлюза противоречат друг другу (канала, на который он направляет запрос, больше нет): это сбой на стороне шлюза, а не вашего запроса. Повторите позже или напишите в поддержку и приложите ID запроса.',
  'The gateway could not check its own rate limit (its store failed): a gateway-side failure. Retry shortly.':
    'Шлюз не смог проверить собственный лимит частоты (отказало его хранилище): это сбой на стороне шлюза. Повторите чуть позже.',
  'The gateway itself crashed on this request ("Panic detected"): a bug on the gateway side. Retry; if it repeats, write to support with the request id and the request you sent.':
    'Сам шлюз упал на этом запросе («Panic detected»): это ошибка на стороне шлюза. Повторите; если повторится, напишите в поддержку и приложите ID запроса и отправленный запрос.',
  'The gateway\'s channel for this model is misconfigured ("invalid api type"): a gateway-side problem, not your request. Write to support with the request id, or try another model.':
    'Канал шлюза для этой модели настроен неправильно («invalid api type»): проблема на стороне шлюза, а не в вашем запросе. Напишите в поддержку и приложите ID запроса или попробуйте другую модель.',
  'The gateway could not reach its upstream provider: a failure on the gateway side, not your connection. Retry later.':
    'Шлюз не смог связаться с вышестоящим провайдером: это сбой на стороне шлюза, а не вашего соединения. Повторите позже.',
  'The channel that ran this task has since been disabled on the gateway: a gateway-side change. Write to support with the task id.':
    'Канал, который выполнял эту задачу, с тех пор отключили на шлюзе: это изменение на стороне шлюза. Напишите в поддержку и приложите ID задачи.',
  'The gateway\'s own data is inconsistent: a failure on the gateway side, not your request. Retry later, or write to support with the request id.':
    'Собственные данные шлюза противоречат друг другу: это сбой на стороне шлюза, а не вашего запроса. Повторите позже или напишите в поддержку и приложите ID запроса.',
  // src/knowledge/patterns/key-rejected.ts
  'The gateway says the key is wrong: it is not a valid RuAPI token as sent.':
    'Шлюз сообщает, что ключ неверный: в том виде, в каком он отправлен, это не действующий токен RuAPI.',
  'The key sent in the x-api-key header was refused.':
    'Ключ из заголовка x-api-key отклонён.',
  'No key reached the gateway: the Authorization header was empty or missing.':
    'Ключ не дошёл до шлюза: заголовок Authorization пуст или отсутствует.',
  'The SDK found no key at all: the environment variable or option is not set where the program runs.':
    'SDK вообще не нашёл ключ: переменная окружения или опция не задана там, где запускается программа.',
  'The SDK found no key at all: ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) is not set where the program runs.':
    'SDK вообще не нашёл ключ: ANTHROPIC_API_KEY (или ANTHROPIC_AUTH_TOKEN) не задан там, где запускается программа.',
  'The SDK found no key at all: OPENAI_API_KEY is not set where the program runs.':
    'SDK вообще не нашёл ключ: OPENAI_API_KEY не задан там, где запускается программа.',
  'The key holds a character that cannot go in an HTTP header (an invisible space, a look-alike letter or a placeholder): copy it again.':
    'В ключе есть символ, недопустимый в HTTP-заголовке (невидимый пробел, похожая буква из другого алфавита или заглушка): скопируйте ключ заново.',
  'The key holds a non-ASCII character (an invisible space, a look-alike letter or a placeholder): copy it again.':
    'В ключе есть символ вне ASCII (невидимый пробел, похожая буква из другого алфавита или заглушка): скопируйте ключ заново.',
  'The gateway says the token (key) is invalid.':
    'Шлюз сообщает, что токен (ключ) недействителен.',
  'The gateway says this key is not usable now: disabled, expired or used up (Console → Tokens shows which).':
    'Шлюз сообщает, что этим ключом сейчас пользоваться нельзя: он отключён, истёк или исчерпан (в разделе «Консоль → Токены» видно, что именно).',
  'No key reached the gateway: the Authorization (or x-api-key) header was missing or empty.':
    'Ключ не дошёл до шлюза: заголовок Authorization (или x-api-key) отсутствует или пуст.',
  'The key has expired: set a new expiry in Console → Tokens, or create a new key.':
    'Срок действия ключа истёк: задайте новый срок в разделе «Консоль → Токены» или создайте новый ключ.',
  'The key was refused (API_KEY_INVALID): Google sends this as a 400, but it is the key, not the request.':
    'Ключ отклонён (API_KEY_INVALID): Google отвечает на это кодом 400, но дело в ключе, а не в запросе.',
  'The key was refused as not valid.':
    'Ключ отклонён как недействительный.',
  'The key was missing or wrong in the authentication header.':
    'Ключ в заголовке аутентификации отсутствует или неверен.',
  // src/knowledge/patterns/not-found.ts
  'The gateway does not know the model id {model}.':
    'Шлюз не знает модель с ID {model}.',
  'The gateway does not know the model id {model}, or the key may not use it.':
    'Шлюз не знает модель с ID {model}, или этому ключу она недоступна.',
  'No channel serves the model {model} for your group: most likely the id is not one RuAPI offers (or not for this key); less likely, every channel for it is down for now.':
    'Для вашей группы нет канала, который обслуживает модель {model}: скорее всего, RuAPI не предлагает такой ID (или не для этого ключа); реже — все каналы для неё сейчас не работают.',
  'The gateway found no channel for the model {model} in your group: most likely the id is not one RuAPI offers (or not for this key); less likely, its channels are failing for now.':
    'Шлюз не нашёл канал для модели {model} в вашей группе: скорее всего, RuAPI не предлагает такой ID (или не для этого ключа); реже — её каналы сейчас сбоят.',
  'The request names no model: set the `model` field (or your tool\'s model setting) to an id RuAPI serves.':
    'В запросе не указана модель: впишите в поле `model` (или в настройку модели вашего инструмента) ID, который обслуживает RuAPI.',
  'The provider says the model {model} does not exist: check the id.':
    'Провайдер сообщает, что модели {model} не существует: проверьте ID.',
  'The server does not serve a model named {model}: use the exact id it serves.':
    'Сервер не обслуживает модель с именем {model}: укажите точный ID, который он обслуживает.',
  'The router has no model matching {model}.':
    'У маршрутизатора нет модели, подходящей под {model}.',
  'The model {model} exists but is not a chat model: pick a chat model id for /chat/completions.':
    'Модель {model} существует, но это не чат-модель: для /chat/completions выберите ID чат-модели.',
  'The provider says the model {model} does not exist (some answer so with a 400): check the id.':
    'Провайдер сообщает, что модели {model} не существует (некоторые отвечают так кодом 400): проверьте ID.',
  'The server does not know the model {model}: check the id.':
    'Сервер не знает модель {model}: проверьте ID.',
  'The provider says the key may not use this model, or the name is wrong: it answers so with a 400, but it is the model id (or the key\'s model access).':
    'Провайдер сообщает, что ключу нельзя использовать эту модель или имя неверное: он отвечает так кодом 400, но дело в ID модели (или в доступе ключа к моделям).',
  'The server does not serve the model {model}: use an id it offers.':
    'Сервер не обслуживает модель {model}: укажите ID, который он предлагает.',
  'Google finds no model (or resource) by the name the request gave: check the model id {model}.':
    'Google не нашёл модель (или ресурс) с именем из запроса: проверьте ID модели {model}.',
  'The path has /v1 twice ({url}): the base URL ends in /v1 and the SDK added another. For the Anthropic protocol use https://www.ruapi.ai.':
    'В пути дважды /v1 ({url}): базовый URL заканчивается на /v1, а SDK добавил ещё один. Для протокола Anthropic используйте https://www.ruapi.ai.',
  'The server has no endpoint at {url}: the base URL is wrong for the protocol.':
    'У сервера нет эндпоинта по адресу {url}: базовый URL не подходит к протоколу.',
  'A web server\'s default 404 ("Cannot POST …"): nothing serves that path, so the base URL or the path is wrong.':
    'Стандартная страница 404 веб-сервера («Cannot POST …»): по этому пути ничего нет, значит, неверен базовый URL или путь.',
  'A web page, not the API, answered: the base URL points at the wrong path.':
    'Ответила веб-страница, а не API: базовый URL ведёт не по тому пути.',
  'The server answered 404 with no API error body: nothing serves that path, so the base URL is likely wrong.':
    'Сервер ответил 404 без тела ошибки API: по этому пути ничего нет, так что, скорее всего, неверен базовый URL.',
  'The 404 says only "Not Found", without naming a model: the path is wrong, so check the base URL.':
    '404 говорит только «Not Found» и не называет модель: путь неверный, проверьте базовый URL.',
  'The gateway has no price set for the model {model}: it does not offer that id (yet). Check the id against the model list; if it should be offered, write to support.':
    'У шлюза не задана цена для модели {model}: такой ID он (пока) не предлагает. Сверьте ID со списком моделей; если модель должна быть доступна, напишите в поддержку.',
  'The gateway does not implement this endpoint: check the path and the base URL, or use an endpoint it serves (/v1/chat/completions, /v1/messages, /v1/responses).':
    'Шлюз не поддерживает этот эндпоинт: проверьте путь и базовый URL или используйте эндпоинт, который он обслуживает (/v1/chat/completions, /v1/messages, /v1/responses).',
  // src/knowledge/patterns/out-of-balance.ts
  'This is about money, not speed: the 429 with `insufficient_quota` means the balance (or the key\'s spend limit) is used up; retrying will not help.':
    'Дело в деньгах, а не в частоте: 429 с `insufficient_quota` означает, что исчерпан баланс (или лимит расходов ключа); повторы не помогут.',
  'This is about money, not speed: "exceeded your current quota" means the balance (or the key\'s spend limit) is used up; retrying will not help.':
    'Дело в деньгах, а не в частоте: «exceeded your current quota» означает, что исчерпан баланс (или лимит расходов ключа); повторы не помогут.',
  'The gateway says the balance is too low for this request.':
    'Шлюз сообщает, что баланс слишком мал для этого запроса.',
  'The credit balance is too low for this request.':
    'Баланса кредитов не хватает на этот запрос.',
  'The gateway says the balance is not enough for this request.':
    'Шлюз сообщает, что баланса не хватает на этот запрос.',
  'The gateway could not pre-charge this request: the balance left is below what the request may cost (long prompts and high max_tokens raise the pre-charge).':
    'Шлюз не смог заранее списать средства за запрос: остаток баланса меньше, чем может стоить запрос (длинный промпт и большой max_tokens увеличивают предварительное списание).',
  'The gateway says the account balance is not enough for this request.':
    'Шлюз сообщает, что баланса аккаунта не хватает на этот запрос.',
  'The key reached its own spend limit (Console → Tokens), while the account may still have funds.':
    'Ключ исчерпал собственный лимит расходов («Консоль → Токены»), хотя на аккаунте средства, возможно, ещё есть.',
  'The key\'s quota is used up: raise or remove its spend limit in Console → Tokens, or top up.':
    'Квота ключа исчерпана: поднимите или снимите его лимит расходов в разделе «Консоль → Токены» либо пополните баланс.',
  'The account has no credits left for this request.':
    'На аккаунте не осталось средств на этот запрос.',
  'The credits left do not cover this request: top up, or lower max_tokens.':
    'Оставшихся кредитов не хватает на этот запрос: пополните баланс или уменьшите max_tokens.',
  'The balance is not enough for this request.':
    'Баланса не хватает на этот запрос.',
  // src/knowledge/patterns/rate-limited.ts
  'The provider\'s tokens-per-minute limit was reached: slow down or send smaller requests.':
    'Достигнут лимит провайдера на токены в минуту: снизьте темп или отправляйте запросы поменьше.',
  'A per-minute quota was used up: it refills by itself, so wait the retry delay and slow down.':
    'Поминутная квота исчерпана: она восстановится сама, так что подождите указанное время перед повтором и снизьте темп.',
  'The gateway\'s own request limit was reached: wait the few minutes it names, then slow down.':
    'Достигнут собственный лимит запросов шлюза: подождите те несколько минут, что названы в сообщении, затем снизьте темп.',
  'The gateway\'s own request limit was reached, failed requests included: wait the few minutes it names, fix what makes requests fail, then slow down.':
    'Достигнут собственный лимит запросов шлюза, неудачные тоже считаются: подождите те несколько минут, что названы в сообщении, устраните причину сбоев, затем снизьте темп.',
  'Too many requests in a short time: slow down and retry with backoff.':
    'Слишком много запросов за короткое время: снизьте темп и повторяйте с задержкой.',
  'The gateway says the upstream for your group is saturated: wait a little, retry with backoff, and send fewer requests at once.':
    'Шлюз сообщает, что вышестоящий провайдер для вашей группы перегружен: подождите немного, повторяйте с задержкой и отправляйте меньше запросов одновременно.',
  // src/knowledge/patterns/stream-timeout.ts
  'The client gave up waiting for the answer: raise its time-out, and stream long answers.':
    'Клиент не дождался ответа: поднимите его тайм-аут, а длинные ответы получайте потоком.',
  'Node\'s fetch gave up waiting for the response headers: the answer took longer than its time-out.':
    'Функция fetch в Node не дождалась заголовков ответа: ответ шёл дольше её тайм-аута.',
  'The connection was cut in the middle of the answer (often a proxy closing a long stream).':
    'Соединение оборвалось посреди ответа (часто это прокси закрывает долгий поток).',
  'The server side or a proxy closed the connection in the middle of the answer.':
    'Сервер или прокси закрыл соединение посреди ответа.',
  'The connection was cut before the whole answer arrived (often a proxy closing a long stream).':
    'Соединение оборвалось раньше, чем пришёл весь ответ (часто это прокси закрывает долгий поток).',
  'The connection was closed before an answer came back.':
    'Соединение закрылось раньше, чем пришёл ответ.',
  'The connection was closed in the middle of the request (often a proxy or a network drop).':
    'Соединение закрылось посреди запроса (часто из-за прокси или обрыва сети).',
  'The client stopped waiting after its time-out: raise it, and stream long answers.':
    'Клиент перестал ждать, когда истёк тайм-аут: поднимите его, а длинные ответы получайте потоком.',
  'The stream stalled: no data arrived for the client\'s idle window (a slow model, or a proxy holding the stream).':
    'Поток завис: за время, которое клиент ждёт без данных, ничего не пришло (медленная модель или прокси, который придерживает поток).',
  'The stream was cut before the answer was complete (a proxy or a network drop, or a server-side failure).':
    'Поток оборвался раньше, чем пришёл весь ответ (прокси, обрыв сети или сбой на стороне сервера).',
  'The stream ended before the answer was complete: often a proxy or a gateway closing long streams.':
    'Поток закончился раньше, чем пришёл весь ответ: часто это прокси или шлюз закрывает долгие потоки.',
  'The answer was cut off in the middle of the body (urllib3\'s "Connection broken"): often a proxy closing a long stream.':
    'Ответ оборвался посреди тела (urllib3: «Connection broken»): часто это прокси закрывает долгий поток.',
  'The connection closed before the whole answer arrived (often a proxy closing a long stream).':
    'Соединение закрылось раньше, чем пришёл весь ответ (часто это прокси закрывает долгий поток).',
  'The answer ended before it was complete: the connection was cut mid-stream.':
    'Ответ оборвался, не дойдя до конца: соединение прервалось посреди потока.',
  'The Anthropic SDK refuses long non-streaming requests: turn streaming on.':
    'SDK Anthropic не выполняет долгие запросы без потокового режима: включите его.',
  // src/knowledge/patterns/tls.ts
  'The server\'s certificate was not trusted here: often a proxy or antivirus that inspects HTTPS.':
    'Сертификату сервера здесь не доверяют: часто это прокси или антивирус, который проверяет HTTPS.',
  'A self-signed certificate came back: something between you and RuAPI intercepts HTTPS.':
    'Пришёл самоподписанный сертификат: что-то между вами и RuAPI перехватывает HTTPS.',
  'The certificate looks expired: check this machine\'s clock first.':
    'Сертификат выглядит просроченным: сначала проверьте часы на этой машине.',
  'A self-signed certificate sits in the chain: something between you and RuAPI (a company proxy, antivirus) intercepts HTTPS.':
    'В цепочке есть самоподписанный сертификат: что-то между вами и RuAPI (корпоративный прокси, антивирус) перехватывает HTTPS.',
};
