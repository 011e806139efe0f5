# Las palabras de retrowalk en español, en Fluent (https://projectfluent.org).
# Los mismos identificadores y variables que en inglés (en.ftl); una prueba lo comprueba.

## nav
nav-menu = Menú
nav-skip = Saltar al contenido
nav-label = Principal
nav-today = Hoy
nav-plan = Plan
nav-progress = Progreso
nav-outcomes = Mediciones
nav-learn = Aprender
nav-settings = Ajustes
nav-signout = Cerrar sesión
nav-patients = Pacientes
nav-care = Equipo de atención

## footer
footer-not_advice = retrowalk no es consejo médico. No diagnostica nada; su profesional sanitario decide lo que le conviene. Nada de lo que escribe sale de este servidor.

## common
common-yes = Sí
common-no = No
common-next = Siguiente
common-why = ¿Por qué?
common-min = min
common-week = Semana

## error
error-title = Algo no va bien
error-home = Volver al inicio
error-status = Código de error

## signup
signup-title = Cree su cuenta
signup-intro = retrowalk prepara un programa de caminar hacia atrás seguro y gradual para rodillas doloridas. Primero creamos su cuenta y luego le hacemos unas preguntas de seguridad.
signup-name = Nombre
signup-email = Correo electrónico
signup-password = Contraseña
signup-password_help = Al menos 10 caracteres. Una frase corta es fácil de recordar.
signup-submit = Crear cuenta
signup-have_account = ¿Ya tiene una cuenta?

## signin
signin-title = Iniciar sesión
signin-submit = Iniciar sesión
signin-new = ¿Es nuevo? Cree una cuenta
signin-forgot = ¿Ha olvidado su contraseña?
signin-wrong = El correo y la contraseña no coinciden. Inténtelo de nuevo.
signin-disabled = Esta cuenta está desactivada. Pida a la persona que administra este servidor de retrowalk que la active de nuevo.

## reset
reset-title = Restablecer la contraseña
reset-intro = Pida un código a la persona que administra este servidor (ejecuta: retrowalk user reset-password --email usted@example.org). Cada código sirve una vez, durante 30 minutos.
reset-code = Código
reset-new_password = Contraseña nueva (al menos 10 caracteres)
reset-submit = Guardar la contraseña nueva
reset-done = Su contraseña ha cambiado. Inicie sesión.
reset-bad_code = Ese código no es válido o ha caducado. Pida uno nuevo.

## onboarding
onboarding-title = Preguntas de seguridad
onboarding-step = Paso
onboarding-intro_general = Primero, su salud en general. Responda sí o no.
onboarding-intro_knee = Ahora, su rodilla. Estas preguntas buscan problemas que un profesional debe ver antes de hacer ejercicio.
onboarding-intro_balance = Por último, su equilibrio.
onboarding-intro_timed = Si un profesional le ha cronometrado, escriba los tiempos. Si no, déjelos vacíos.
onboarding-timed_help = Los dos son opcionales.
onboarding-tug = Prueba «levántese y camine» (Timed Up and Go), segundos
onboarding-backward = Caminar 3 metros hacia atrás, segundos
onboarding-finish = Ver mi resultado
onboarding-answer_all = Responda sí o no a cada pregunta.

## outcome
outcome-title = El resultado de sus preguntas de seguridad
outcome-blocked = No empiece: consulte a un profesional
outcome-clearance_needed = Consulte antes a un profesional sanitario
outcome-supported_only = Puede empezar, siempre con apoyo
outcome-cleared = Puede empezar
outcome-why = Por qué
outcome-record_clearance = Anotar su autorización
outcome-clearance_help = Cuando su médico o fisioterapeuta le diga que puede empezar, anote quién le autorizó.
outcome-cleared_by = Quién le autorizó (nombre)
outcome-role = Su profesión
outcome-note = Nota (opcional)
outcome-save_clearance = Guardar la autorización
outcome-to_setup = Preparar mi programa
outcome-to_today = Ir a hoy
outcome-redo = Responder de nuevo a las preguntas de seguridad
outcome-rules = Conjunto de reglas

## setup
setup-title = Su configuración
setup-intro = Cuéntenos qué tiene y cuándo puede entrenar. Puede cambiarlo más tarde en Ajustes.
setup-equipment = Lo que tiene
setup-equipment_treadmill = Cinta de correr
setup-equipment_safety_key = Llave de seguridad de la cinta (parada de emergencia con pinza)
setup-equipment_handrails = Barandillas de la cinta
setup-equipment_bike = Bicicleta estática o bicicleta
setup-equipment_pool = Una piscina que puedo usar
setup-days = Días en que puede entrenar
setup-start = Fecha de inicio
setup-time_zone = Zona horaria
setup-time_zone_help = Se rellena desde este teléfono cuando puede saberla. Empiece a escribir una ciudad para buscar en la lista, como Madrid o Mexico_City.
setup-baseline_pain = Su dolor de rodilla habitual en un día normal
setup-weeks = Número de semanas
setup-forward_speed = Su velocidad habitual al caminar, en km/h (deje 3,0 si no está seguro)
setup-submit = Guardar y ver hoy

## day
day-today = hoy
day-tomorrow = mañana
day-yesterday = ayer
day-date = { $weekday } { $day } de { $month }
day-date_year = { $weekday } { $day } de { $month } de { $year }
day-short = { $weekday } { $day } { $month }
day-full = { $day } de { $month } de { $year }
day-day_month = { $day } { $month }
day-january = enero
day-february = febrero
day-march = marzo
day-april = abril
day-may = mayo
day-june = junio
day-july = julio
day-august = agosto
day-september = septiembre
day-october = octubre
day-november = noviembre
day-december = diciembre
day-mon = lunes
day-tue = martes
day-wed = miércoles
day-thu = jueves
day-fri = viernes
day-sat = sábado
day-sun = domingo

## today
today-title = Hoy
today-checkin_first = Primero: ¿cómo está su rodilla esta mañana?
today-checkin_due = Control de su sesión del
today-checkin_sets_dose = Su respuesta decide la dosis de hoy.
today-checkin_now = Hacer el control
today-see_outcome = Ver el resultado de sus preguntas de seguridad
today-session = Caminar hacia atrás
today-warm_up = Calentamiento, caminar hacia delante sin esfuerzo
today-backward = Caminar hacia atrás
today-rest_between = min de descanso entre tandas
today-cool_down = Vuelta a la calma, caminar hacia delante sin esfuerzo
today-where = Dónde
today-speed = Velocidad
today-incline = Inclinación
today-support = Apoyo
today-why = Por qué esta dosis:
today-safety = Recordatorios de seguridad
today-start = Empezar la sesión guiada
today-steps = Paso a paso
today-log_without_timer = Anotar una sesión sin el temporizador
today-latest = Última decisión
today-also = También hoy
today-next = Próxima sesión de caminar hacia atrás:
today-logged = Sesión anotada. Mañana por la mañana, anote su dolor de rodilla: decide su próxima dosis.
today-checked_in = Gracias. Su próxima dosis está actualizada aquí abajo.
today-outcomes_title = Mediciones pendientes
today-outcomes_due = Tiene mediciones pendientes, para ver si el programa le está sirviendo
today-rest_day = Hoy no toca caminar hacia atrás.
today-rest_day_next = Hoy no toca caminar hacia atrás. Próxima sesión:
today-starts_on = Su primera sesión de caminar hacia atrás es
today-outcomes_now = Hacerlas
today-imports_waiting = Un paseo de su reloj cayó en un día de caminar hacia atrás. ¿Fue hacia atrás?
today-imports_answer = Responder

## today.note
today-note-exercises_done = Muy bien: ha terminado los ejercicios de hoy.
today-note-checkin_nothing = Todavía no hay ninguna sesión que controlar. El control es la mañana siguiente a una sesión de caminar hacia atrás: camine y anote la sesión de hoy, y haga el control mañana por la mañana.
today-note-checkin_done = Ya ha hecho el control de su última sesión. Su próxima dosis está aquí abajo.
today-note-checkin_unavailable = Ahora no se puede hacer el control. Hoy le explica por qué.
today-note-restored = Su copia se ha restaurado.

## problem
problem-pain_before = ¿Cuánto le dolía la rodilla antes de la sesión? Elija un número del 0 al 10.
problem-pain_peak = ¿Cuánto le dolió la rodilla en el peor momento? Elija un número del 0 al 10.
problem-pain_after = ¿Cuánto le dolía la rodilla justo después de la sesión? Elija un número del 0 al 10.
problem-pain = ¿Cómo nota la rodilla esta mañana? Elija un número del 0 al 10.
problem-baseline_pain = ¿Cuánto le duele la rodilla en un día normal? Elija un número del 0 al 10.
problem-date = Revise la fecha: elíjala en el calendario o escríbala como año-mes-día, por ejemplo 2026-12-06.
problem-date_not_yet = Ese día aún no ha llegado: anote una sesión el día que caminó o después.
problem-date_already_done = Ya hay una sesión anotada ese día. Cambie la fecha si caminó otro día.
problem-date_not_started = Su programa aún no había empezado ese día: elija un día a partir de la fecha de inicio.
problem-minutes = ¿Cuántos minutos caminó hacia atrás? Escriba un número del 1 al 120.
problem-bouts = ¿En cuántas tandas? Escriba un número del 1 al 30.
problem-bouts_inconsistent = Hay más tandas que minutos: cada tanda dura al menos un minuto.
problem-speed = Velocidad de la cinta: escriba los km/h que marca la cinta, de 0,1 a 8,0, por ejemplo 1.5.
problem-incline = Inclinación: escriba el porcentaje que marca la cinta, de 0 a 15.
problem-rpe = ¿Qué esfuerzo le costó? Elija un número del 0 (en reposo) al 10 (el máximo posible).
problem-notes_too_long = Su nota es demasiado larga: el máximo son 2000 caracteres. Acórtela y guarde de nuevo; todo lo demás que escribió sigue aquí.
problem-notes_control_character = Su nota tiene un carácter que no se puede guardar (suele venir con texto copiado). Vuelva a escribir esa parte y guarde de nuevo.
problem-support_unsafe = Sus preguntas de seguridad piden que se sujete al caminar hacia atrás: elija un apoyo con las manos en las barandillas o en una pared.
problem-incline_unsafe = Sus preguntas de seguridad piden que camine en llano por ahora: ponga la inclinación a 0.
problem-start = ¿Cuándo quiere empezar? Elija una fecha.
problem-training_days = Elija al menos 2 días a la semana para entrenar (el estudio usó 3).
problem-training_days_inconsistent = Hay un día elegido dos veces: elija cada día una sola vez.
problem-time_zone = Elija su zona horaria de la lista, por ejemplo Europe/Madrid.
problem-weeks = ¿Cuántas semanas? Escriba un número del 1 al 52.
problem-forward_speed = Su velocidad habitual al caminar: escríbala en km/h, de 1.0 a 7.0, por ejemplo 3.0.
problem-forward_speed_kmh = Su velocidad habitual al caminar: escríbala en km/h, de 1.0 a 7.0, por ejemplo 3.0.
problem-start_not_yet = Esa fecha de inicio está a más de un año: elija una fecha dentro del próximo año.

## sport
sport-cycling = Ciclismo
sport-running = Carrera
sport-walking = Caminata
sport-hiking = Senderismo
sport-swimming = Natación
sport-other = Otra actividad
sport-device_says = el dispositivo lo llama

## exercises
exercises-title = Los ejercicios de hoy, guiados
exercises-none = Hoy no hay ejercicios.
exercises-start = Empezar los ejercicios guiados
exercises-check_chair = Tengo a mano una silla firme o una pared
exercises-check_space = Tengo sitio alrededor para tumbarme o estar de pie
exercises-check_pain = Ahora mismo mi dolor de rodilla es 5/10 o menos
exercises-noscript = El temporizador guiado necesita JavaScript. Los pasos de cada ejercicio están en Hoy.
exercises-get_ready = Prepárese: { $name }
exercises-reps = { $name }: serie { $of }, { $reps } repeticiones lentas
exercises-hold = { $name }: mantenga { $of }
exercises-left = izquierda
exercises-right = derecha
exercises-rest = Descanso

## session
session-title = Sesión guiada
session-before = Antes de empezar
session-check_shoes = Llevo calzado cerrado que sujeta bien
session-check_space = El espacio detrás de mí está despejado (sin escaleras, alfombras ni tráfico)
session-check_key = Cinta: llave de seguridad puesta y manos en las barandillas (o una pared al lado y alguien cerca)
session-check_pain = Ahora mismo mi dolor de rodilla es 5/10 o menos
session-start = Empezar
session-stop = Parar
session-time_left = Tiempo que queda en este paso
session-pause = Pausa
session-resume = Seguir
session-paused = En pausa. El reloj le espera; pulse Seguir cuando esté listo, o Parar para terminar y anotar lo que caminó.
session-paused_say = En pausa.
session-next = Siguiente:
session-last_step = Último paso
session-done = Sesión completada. Muy bien.
session-stopped = Parada.
session-wake_lock = La pantalla se mantiene encendida mientras corre el temporizador.
session-no_wake_lock = Este navegador no puede mantener la pantalla encendida: el temporizador sigue contando, pero los avisos pueden llegar tarde con la pantalla apagada. Si puede, desactive el bloqueo automático durante la sesión.
session-phase_warmup = Calentamiento: caminar hacia delante sin esfuerzo
session-phase_rest = Descanso: quieto, sujétese
session-phase_bout = Caminar hacia atrás, tanda { $n } de { $of }
session-phase_cooldown = Vuelta a la calma: caminar hacia delante sin esfuerzo
session-noscript = El temporizador guiado necesita JavaScript. Puede caminar con su propio reloj y anotar la sesión.

## log
log-title = Anotar su sesión
log-pain_before = Dolor de rodilla antes de la sesión
log-pain_peak = El peor dolor de rodilla durante la sesión
log-pain_after = Dolor de rodilla justo después
log-symptoms = ¿Le ocurrió algo de esto? (marque lo que le ocurrió)
log-details = Tiempo, velocidad y notas (rellenados con el plan de hoy)
log-date = Fecha
log-minutes = Minutos caminando hacia atrás
log-bouts = Tandas
log-speed = Velocidad de la cinta, km/h
log-incline = Inclinación, %
log-support = Apoyo
log-surface = Dónde
log-rpe = Esfuerzo, de 0 (reposo) a 10 (máximo)
log-notes = Notas
log-submit = Guardar la sesión
log-queued = No tiene conexión. La sesión está guardada en este teléfono y se enviará cuando vuelva a tener conexión.

## surface
surface-treadmill = Cinta de correr
surface-overground = Pasillo o pista

## support
support-rails = Sujetándome a las barandillas o a una pared
support-light_touch = Tocando apenas
support-hands_free = Sin manos

## checkin
checkin-title = Control de la mañana
checkin-intro = Es sobre su sesión de caminar hacia atrás del
checkin-usual = Su dolor habitual es
checkin-pain = Dolor de rodilla esta mañana
checkin-symptoms = Desde la sesión, ¿le ocurrió algo de esto?
checkin-submit = Guardar el control

## plan
plan-expected = previsto
plan-expected_help = Las sesiones marcadas como previstas muestran hacia dónde va el programa si cada sesión anterior va bien: dolor de 2 o menos, y calmado a la mañana siguiente. No son una promesa: cada dosis se decide después de la sesión anterior, según cómo respondió su rodilla.
plan-title = Su plan
plan-supported_only = solo con apoyo
plan-aerobic_done = min de actividad aeróbica hechos (de su dispositivo)
plan-import = Importar de su reloj o cinta
plan-imported = importado
plan-current = Su dosis ahora
plan-min_backward = min hacia atrás
plan-min_aerobic = min de actividad aeróbica previstos
plan-goal = objetivo semanal de actividad aeróbica, min:
plan-done = hecha
plan-missed = no hecha
plan-today = hoy
plan-planned = prevista
plan-sessions_planned = sesiones previstas
plan-paused = en pausa
plan-paused_line = en pausa: nada de caminar hacia atrás
plan-stopped_line = detenido: avise a su profesional sanitario
plan-sessions_paused = sesiones en pausa

## progress
progress-title = Progreso
progress-empty = Sus gráficos aparecen aquí después de anotar su primera sesión.
progress-adherence = Sesiones hechas:
progress-of_due = de las sesiones que tocaban hasta ahora
progress-none_due = Aún no tocaba ninguna sesión: el cumplimiento se cuenta desde su primer día de sesión.
progress-pain_change = Dolor después de las sesiones, de la primera semana a la última:
progress-pain = Dolor de rodilla antes y después
progress-before = Antes
progress-after = Después
progress-mcid_band = dentro de 1 punto: un cambio menor de lo que la gente nota
progress-date = Fecha
progress-minutes = Minutos
progress-weekly = Minutos por semana
progress-planned = Previstos
progress-done = Hechos
progress-sessions = Sesiones
progress-speed = Velocidad y apoyo
progress-kmh = km/h
progress-adherence_chart = Cumplimiento por semana (%)
progress-table = Tabla de datos
progress-weekly_rows = Con tantas sesiones, los gráficos y las tablas de dolor y velocidad muestran una fila por semana: la media de sus sesiones.

## learn
learn-all = Todo Aprender
learn-rule_heading = Por qué lo hace el entrenador
learn-source_heading = Qué dice la investigación
learn-why_it = Por qué
learn-sources = Fuentes
learn-read_source = Leerla
learn-find_source = Buscarla en PubMed
learn-code = Para su profesional sanitario: regla
learn-certainty_verified = comprobado en el propio estudio
learn-certainty_secondary = tomado de una revisión o una guía
learn-certainty_design = una decisión de diseño nuestra, tomada con cuidado
learn-title = Aprender
learn-why_title = ¿Por qué caminar hacia atrás?
learn-why = Caminar hacia atrás carga menos la articulación de la rótula que caminar hacia delante y trabaja mucho los músculos del muslo. En un ensayo de seis semanas en artrosis de rodilla, 10 minutos tres veces por semana, sumados al fortalecimiento, redujeron el dolor y la discapacidad más que el fortalecimiento solo. Se suma al fortalecimiento; no lo sustituye.
learn-safety_title = Seguridad
learn-safety = Empiece despacio y poco tiempo, sujétese a las barandillas y cambie una sola cosa cada vez. Pare y avise a su profesional sanitario si la rodilla se hincha, se bloquea o falla, si tiene dolor o hinchazón en la pantorrilla, dolor en el pecho o mareo, o si se cae.
learn-pain_title = El dolor como guía
learn-pain = Un dolor de 0 a 2 durante la sesión es seguro, de 3 a 5 es aceptable y más de 5 es demasiado. A la mañana siguiente la rodilla debería volver a su nivel habitual. El entrenador añade un poco solo cuando se cumplen las dos cosas, mantiene la dosis cuando el dolor es aceptable y da un paso atrás cuando es demasiado.
learn-exercises_title = Los ejercicios
learn-rules_title = Las reglas del entrenador
learn-rules = Cada decisión muestra uno de estos identificadores de regla.
learn-evidence_title = Evidencia
learn-evidence = Los hallazgos en los que se basan las reglas. [V] significa comprobado en la fuente, [S] visto en una fuente secundaria, [D] es una decisión de diseño nuestra basada en ellos.

## rule
rule-A-RED-FLAG = Un síntoma de alarma detiene el programa hasta que su profesional sanitario lo reanude.
rule-A-STOPPED = Mientras está detenido, nada cambia hasta que un profesional reanude el programa.
rule-A-PAIN-HIGH = Dolor de más de 5 durante una sesión: un paso atrás.
rule-A-PAIN-AFTER-HIGH = Dolor de más de 5 justo después de una sesión: un paso atrás.
rule-A-MORNING-RISE = Dolor a la mañana siguiente 2 puntos o más por encima de lo habitual: un paso atrás.
rule-A-TWO-STEPBACKS = Un segundo paso atrás seguido detiene el programa: avise a su profesional sanitario.
rule-A-INCOMPLETE = Menos minutos de los previstos: se repite la dosis.
rule-A-AWAIT-CHECKIN = Sin el control de la mañana siguiente, se repite la dosis.
rule-A-MORNING-UNSETTLED = Dolor a la mañana siguiente 1 punto por encima de lo habitual: se repite la dosis.
rule-A-PAIN-ACCEPTABLE = Dolor de 3 a 5 durante la sesión o justo después: se repite la dosis.
rule-A-PROGRESS = Dolor de 2 o menos durante y después, y calmado por la mañana: un poco más de tiempo, luego de velocidad, luego menos apoyo, luego inclinación.
rule-A-WEEKLY-CAP = Los minutos semanales crecen como mucho un 20 %.
rule-A-AT-CEILING = Es lo máximo que permite esta etapa: se mantiene.
rule-A-GAP = Tras una semana o más sin sesiones, se reanuda un poco más abajo.
rule-A-CLINICIAN-OVERRIDE = Su profesional sanitario fijó esta dosis; manda sobre el entrenador hasta su próxima sesión.
rule-A-CLINICIAN-RESTART = Su profesional sanitario reanudó el programa tras una parada, con la dosis que anotó.
rule-A-CLINICIAN-PAUSE = Su equipo de atención pausó el programa, con una nota que explica por qué; se reanuda cuando anoten la reanudación.
rule-A-CLINICIAN-END = Su equipo de atención terminó el programa, con una nota que explica por qué; solo una reanudación anotada por ellos lo volvería a empezar.
rule-P-START = Las primeras sesiones son cortas y lentas, con apoyo: las barandillas, o una pared y alguien cerca.
rule-P-START-SEVERE-PAIN = Dolor habitual de 7 o más: consulte antes a un profesional; las sesiones empiezan en el escalón más bajo.

## pause
pause-write_care_team = Escribir a su equipo de atención
pause-title = Caminar hacia atrás está en pausa
pause-do_now = Qué hacer ahora:
pause-ends_when = Qué termina la pausa:
pause-urgent = Busque atención médica hoy (urgencias o servicios de emergencia) si tiene algo de esto:
pause-no_dose = Mientras esté en pausa, el plan no muestra caminar hacia atrás.
pause-restart = Anotar una reanudación

## restart
restart-title = Reanudar tras una parada
restart-why_stopped = Por qué se detuvo el programa
restart-help = Solo su profesional sanitario reanuda el programa, después de revisarle. Anote quién es, su profesión y lo que le dijo. La reanudación queda en su historial y en su informe.
restart-by = Nombre del profesional
restart-role = Su profesión
restart-note = Su nota (qué revisó, a qué hay que estar atento)
restart-minutes = Minutos de caminar hacia atrás con los que reanudar (de 3 a 20)
restart-dose = Se reanuda con:
restart-submit = Anotar la reanudación
restart-show = Mostrar la dosis con la que se reanuda
restart-check = Compruebe la dosis con su profesional sanitario. Si cambia los minutos, se le muestra de nuevo antes de anotarla.
restart-cancel = Ahora no
restart-care_team = Su reanudación la firma su equipo de atención de
restart-care_team_how = Ven la parada en su lista; cuando le hayan revisado, la firman en retrowalk y podrá volver a entrenar.
restart-message_them = Escribirles
restart-by_clinician = Un equipo de atención detuvo su programa, así que lo reanuda un profesional, en retrowalk: usted no puede anotar esta reanudación. Si ha dejado esa clínica, pregunte a quien administra este servidor.

## settings
settings-title = Ajustes
settings-language = Idioma
settings-language_label = El idioma de retrowalk en este dispositivo
settings-language_browser = El idioma del navegador
settings-language_save = Usar este idioma
settings-access = Dispositivos con sesión iniciada y tokens de la API
settings-tokens_help = Los tokens de la API permiten a programas y aplicaciones leer y escribir sus datos. Cada uno se crea con `retrowalk token create` y se muestra una sola vez; aquí ve cuándo se usó por última vez y puede revocarlo.
settings-no_tokens = No hay tokens de la API.
settings-token_created = creado
settings-token_used = último uso
settings-token_expires = caduca
settings-token_never = nunca
settings-token_revoke = Revocar
settings-token_revoked = El token está revocado: ya no funciona.
settings-signout_everywhere = Cerrar sesión en todas partes
settings-signout_everywhere_help = Cierra todas las sesiones iniciadas, en todos los dispositivos, también este, y revoca todos los tokens de la API. Úselo si pierde un teléfono o si un token puede haberse filtrado.
settings-signed_in_as = Sesión iniciada como
settings-activity = Actividad reciente de la cuenta
settings-activity_help = Inicios de sesión, intentos fallidos, uso de tokens, descargas de sus datos y otros cambios en su cuenta, los más recientes primero, con la dirección de la que llegaron. Si algo no fue usted, cierre sesión en todas partes y restablezca su contraseña.
settings-no_activity = Aún no hay nada anotado.
settings-seen_by = Quién ha visto mis datos
settings-seen_by_help = Cada vez que un profesional de una clínica a la que se unió mira sus datos, queda anotado aquí.
settings-seen_by_nobody = Nadie más que usted ha visto sus datos.
settings-setup = Su configuración
settings-setup_help = Al guardar se actualiza su plan. Sus sesiones se conservan y el entrenador las vuelve a leer con la configuración nueva.
settings-save = Guardar la configuración
settings-export = Sus datos
settings-export_json = Descargar todo (JSON)
settings-export_csv = Descargar las sesiones (CSV)
settings-export_checkins = Descargar los controles (CSV)
settings-export_outcomes = Descargar las mediciones (CSV)
settings-export_fhir = Descargar para la historia clínica (FHIR)
settings-restore = Restaurar desde una copia descargada (JSON)
settings-restore_help = Sustituye todo lo de esta cuenta por la copia: se borran sus respuestas y sesiones actuales.
settings-restore_button = Restaurar
settings-calendar = Calendario
settings-calendar_help = Suscríbase a sus sesiones en el calendario del teléfono, con un aviso la mañana de cada una. El enlace es secreto: quien lo tenga ve las horas y dosis de sus sesiones. Al crear un enlace nuevo, el anterior deja de funcionar.
settings-calendar_url = Su enlace de calendario (cópielo ahora; se muestra una sola vez)
settings-calendar_new = Crear un enlace de calendario nuevo
settings-calendar_revoke = Desactivar mi enlace de calendario
settings-calendar_revoked = Su enlace de calendario ya no funciona.
settings-delete = Borrar mi cuenta
settings-delete_help = Borra su cuenta, sus respuestas y todas las sesiones, para siempre. Descargue antes sus datos si quiere conservarlos.
settings-delete_confirm = Escriba DELETE para confirmar
settings-delete_button = Borrar mi cuenta y mis datos

## outcomes
outcomes-title = Mediciones
outcomes-intro = Unas pruebas sencillas muestran si el programa le está sirviendo. Hágalas al empezar, en las semanas 3 y 6, y luego a los 3 y 12 meses. Cada cambio se compara con el cambio más pequeño que supera el error de medida.
outcomes-due = Pendientes ahora
outcomes-due_badge = pendiente
outcomes-results = Sus resultados
outcomes-measure = Medición
outcomes-first = Primera
outcomes-latest = Última
outcomes-change = Qué significa el cambio
outcomes-take = Hacer una medición
outcomes-activity = Actividad
outcomes-score = Qué tal, de 0 a 10
outcomes-value = Resultado
outcomes-seconds = segundos
outcomes-start_watch = Poner en marcha el cronómetro
outcomes-stop_watch = Parar
outcomes-start_counter = Empezar 30 segundos
outcomes-count = Toque cada vez que se levante
outcomes-save = Guardar el resultado
outcomes-profile = Sobre usted (opcional)
outcomes-profile_help = Su año de nacimiento y su sexo solo se usan para comparar su resultado de levantarse de la silla con los valores habituales de personas de 60 a 94 años.
outcomes-birth_year = Año de nacimiento
outcomes-sex = Sexo
outcomes-female = Mujer
outcomes-male = Hombre
outcomes-profile_save = Guardar
outcomes-profile_saved = Guardado.
outcomes-questionnaires = Cuestionarios de su clínica
outcomes-questionnaires_help = Su clínica los añadió. Respóndalos cuando toquen, como las pruebas de arriba.
outcomes-answer = Responder
outcomes-points = de 100

## questionnaire
questionnaire-title = Cuestionario
questionnaire-intro = Elija la respuesta que mejor encaje en cada pregunta. Puede dejar sin responder una pregunta que no sepa contestar.
questionnaire-required = obligatoria
questionnaire-save = Guardar las respuestas

## import
import-said_added = añadido. Aparece en la lista de abajo.
import-said_already = ya se había añadido, así que no se añadió nada nuevo.
import-said_not_activity = en este archivo no hay ningún paseo, carrera ni recorrido en bicicleta (puede ser una ruta planificada o un plan de entrenamiento). No se añadió nada.
import-said_unreadable = este no es un archivo de un reloj, un teléfono o una cinta que retrowalk pueda leer. Exporte la actividad desde su aplicación como FIT, GPX o TCX e inténtelo de nuevo.
import-said_too_big = este archivo es demasiado grande para ser una sola actividad. Exporte una sola actividad desde su aplicación e inténtelo de nuevo.
import-details = Detalles
import-title = Importar de su reloj
import-intro = Añada archivos FIT, GPX o TCX de un reloj, un ciclocomputador o la aplicación de una cinta. Un archivo que ya añadió se omite, así que nada se cuenta dos veces.
import-files = Archivos (puede elegir varios)
import-upload = Importar
import-none_chosen = Elija antes uno o más archivos.
import-results = Qué pasó con cada archivo
import-question = ¿Este paseo fue hacia atrás?
import-yes_backward = Sí, hacia atrás: añadir mis puntuaciones de dolor
import-no_forward = No, caminar normal
import-all = Actividades importadas
import-when = Inicio
import-sport = Deporte
import-counts_as = Cuenta como
import-waiting = espera su respuesta
import-backward = su sesión hacia atrás
import-aerobic = actividad aeróbica
import-extra = actividad extra
import-confirm_title = Paseo hacia atrás de su dispositivo
import-confirm_intro = Su dispositivo dio el tiempo y la velocidad. Añada cómo notó la rodilla, como después de cualquier sesión.
import-save_session = Guardar como la sesión de ese día

## report
report-title = Informe
report-open = Informe para su profesional sanitario (imprímalo)
report-generated = Hecho el
report-print_hint = Imprima esta página o descárguela como PDF.
report-pdf = Descargar el PDF
report-screening = Preguntas de seguridad
report-cleared_by = Autorizado por
report-programme = Programa y cumplimiento
report-pain = Evolución del dolor
report-decisions = Decisiones de dosis
report-flags = Avisos
report-notes = Notas
report-after_session = Después de la sesión
report-next_morning = A la mañana siguiente
report-peak = Dolor máximo
report-all_no = Respondió no a todas las preguntas de seguridad.
report-no_flags = Sin síntomas de alarma, caídas ni resultados de riesgo de caída.

## security
security-sign_in = Inició sesión
security-sign_in_failed = Inicio de sesión fallido
security-sign_out = Cerró sesión
security-sign_out_everywhere = Cerró sesión en todas partes
security-reset_code_issued = Se emitió un código para restablecer la contraseña
security-reset_code_failed = Código de restablecimiento erróneo
security-password_reset = Contraseña restablecida
security-token_created = Token de la API creado
security-token_revoked = Token de la API revocado
security-token_used = Token de la API usado
security-export = Datos descargados
security-restore = Copia restaurada
security-backup = Copia de seguridad del servidor
security-account_created = Cuenta creada
security-account_deleted = Cuenta borrada
security-account_disabled = Cuenta desactivada
security-account_enabled = Cuenta activada
security-clinician_read = Un profesional miró sus datos
security-clinician_write = Un profesional anotó algo en sus datos
security-care_joined = Se unió a la atención de una clínica
security-care_left = Dejó la atención de una clínica
security-second_factor_enabled = Verificación en dos pasos activada
security-second_factor_failed = Código de verificación en dos pasos erróneo
security-recovery_code_used = Código de recuperación usado
security-second_factor_reset = El administrador del servidor restableció la verificación en dos pasos
security-break_glass = Un profesional de su clínica abrió su historia en una emergencia
security-clinic_log_read = Se leyó el registro de accesos de la clínica
security-member_added = Se le dio un papel en una clínica
security-membership_ended = Terminó su papel en una clínica
security-care_team_added = Se añadió un profesional a su equipo de atención
security-care_team_removed = Se quitó a un profesional de su equipo de atención
security-record_changed = Un profesional cambió su programa (antes y después)

## patients
patients-title = Pacientes
patients-intro = Todas las personas a su cargo, las más urgentes primero. Cada aviso nombra la regla que lo generó.
patients-none = Aún no tiene a nadie a su cargo. Un administrador de la clínica le añade al equipo de atención de un paciente.
patients-walker = Paciente
patients-week = Semana
patients-today = Hoy
patients-adherence = Sesiones hechas, últimos 14 días
patients-last = Última actividad
patients-decision = Última decisión
patients-flags = Avisos
patients-filter_flag = Aviso
patients-any_flag = Cualquiera o ninguno
patients-unseen = No abiertos esta semana
patients-search = Nombre
patients-apply = Mostrar
patients-unread = Mensajes del paciente sin leer
patients-acked = revisado
patients-review = Cambiar o deshacer
patients-clinic = Clínica
patients-of = mostrados de
patients-former = Pacientes que dejaron su atención (solo lectura, tal como estaban al irse)
patients-left = se fue el
patients-earlier = Filas anteriores
patients-later = Más filas
patients-break_glass = Acceso de emergencia a un paciente que no está a su cargo
patients-break_glass_help = Solo en una emergencia, para un paciente de su clínica cuyo equipo de atención no está localizable. Puede leer su historia durante 60 minutos, y nada más. Su motivo se muestra al paciente y a los administradores de su clínica, y cada consulta queda registrada.
patients-break_glass_walker = El número del paciente
patients-break_glass_reason = Por qué debe abrir esta historia ahora
patients-break_glass_submit = Abrir la historia (acceso de emergencia)

## patient
patient-title = Paciente
patient-back = Todos mis pacientes
patient-needs = Lo que necesita de usted
patient-no_flags = Nada pendiente: no hay ningún aviso.
patient-ack_note = Su nota (qué hizo o decidió)
patient-ack = Marcar como revisado
patient-acknowledged = Revisado
patient-approved = Decisión aprobada
patient-approve_note = Nota (opcional)
patient-approve = Aprobar
patient-revert_note = Por qué deshacer (el paciente lo lee)
patient-revert = Volver a la dosis anterior
patient-left_on = Este paciente dejó la atención de su clínica el
patient-left_read_only = Ve lo que compartió hasta entonces, solo lectura; nada de lo que anote ahora le llega.
patient-break_glass_open = Acceso de emergencia: puede leer esta historia hasta
patient-break_glass_logged = No puede cambiar nada. El paciente y los administradores de su clínica ven que la abrió, y por qué.
patient-stop_is_signed = Una parada no se aprueba ni se deshace: cuando haya revisado al paciente, firme la reanudación.
patient-override = Cambiar la dosis
patient-override_help = Dentro de lo que permiten las preguntas de seguridad; el paciente lee su motivo. Se mantiene hasta que se decida sobre la próxima sesión anotada.
patient-minutes = Minutos de caminar hacia atrás (de 3 a 20)
patient-speed = Velocidad de la cinta, km/h
patient-incline = Inclinación, %
patient-support = Apoyo
patient-reason = Motivo (el paciente lo lee)
patient-override_submit = Fijar esta dosis
patient-sign_clearance = Firmar la autorización
patient-clearance_help = Las preguntas de seguridad piden que un profesional revise esto antes de empezar a caminar hacia atrás. Firme solo cuando lo haya hecho.
patient-role = Su profesión
patient-note = Nota para el paciente (opcional)
patient-restart_note = Su nota: qué revisó, a qué hay que estar atento
patient-sign_restart = Firmar la reanudación
patient-asked = Mediciones y cuestionarios pedidos
patient-asked_help = Además del calendario habitual de mediciones: el paciente los ve pendientes junto a sus otras mediciones en cada momento.
patient-asked_none = Nada aparte del calendario habitual.
patient-assign_what = Pedir
patient-assign = Pedírselo al paciente
patient-unassign = Dejar de pedirlo
patient-stop = Pausar o terminar el programa
patient-stop_open = Detener caminar hacia atrás para este paciente
patient-stop_help = Desde hoy el paciente no ve ninguna dosis de caminar hacia atrás en ninguna parte, y lee su nota; se mantienen los consejos de fortalecimiento, estiramientos y actividad diaria. Dura hasta que usted firme una reanudación.
patient-stop_kind = Qué hacer
patient-stop_pause = Pausar (por ahora: lo revisará y lo reanudará)
patient-stop_end = Terminar el programa (alta, o ya no le conviene)
patient-stop_note = Por qué (el paciente lo lee)
patient-sign = Firmar con mi cuenta
patient-messages = Mensajes
patient-write = Escribir al paciente
patient-reviews = Revisiones
patient-by = por
patient-not_started = Este paciente aún no ha preparado un programa: no hay informe que mostrar.
patient-monitoring = Tiempo de seguimiento
patient-monitoring_since = En seguimiento desde
patient-window = Periodo de 30 días
patient-data_days = días con datos
patient-this_month = su clínica este mes
patient-minutes_word = minutos
patient-minutes_spent = Minutos en esta historia (el temporizador cuenta mientras esta página está abierta)
patient-minutes_note = Para qué (opcional)
patient-minutes_add = Añadir los minutos

## messages
messages-title = Mensajes
messages-none = Aún no hay mensajes.
messages-send = Enviar
messages-care_team = Equipo de atención

## care
care-title = Equipo de atención
care-none = No está a cargo de ninguna clínica. retrowalk funciona por sí solo; si un fisioterapeuta o una clínica usa retrowalk, puede darle un código de invitación para escribirlo aquí abajo.
care-sees = El equipo de atención de esta clínica ve su programa y puede escribirle. Cada vez que abren sus datos, aparece en Ajustes → Quién ha visto mis datos.
care-new = nuevo
care-you = Usted
care-write = Escribir a su equipo de atención
care-not_urgent = Los mensajes no se atienden a todas horas. Si tiene dolor en el pecho, una caída con lesión o un dolor fuerte repentino, llame a su número de emergencias.
care-leave = Dejar
care-leave_help = Desde ese momento la clínica no ve nada nuevo: lo que anote después de irse nunca le llega. Su equipo de atención sigue pudiendo leer lo que compartió hasta entonces, solo lectura, como las clínicas guardan sus historias. Su propio historial se queda con usted.
care-left = Ha dejado la clínica: nada de lo que anote desde ahora le llega.
care-not_in = No estaba a cargo de esa clínica; no ha cambiado nada.
care-joined = Ahora está a cargo de
care-join = Unirse a una clínica
care-emergencies = Aperturas de emergencia de su historia
care-emergencies_help = Un profesional de su clínica que no está en su equipo de atención abrió su historia para leerla, durante una hora como mucho, y dio este motivo. Si le parece mal, dígaselo a su clínica o déjela.

## join
join-title = Unirse a una clínica
join-help = Escriba el código de invitación que le dio su clínica (ocho letras y cifras), o abra su enlace o su código QR.
join-code = Código de invitación
join-look = Comprobar el código
join-invites = le invita a compartir sus datos de retrowalk con
join-will_see = Qué verá la clínica
join-see_screening = Sus respuestas a las preguntas de seguridad y a qué llevaron, y cualquier autorización.
join-see_sessions = Su programa, cada sesión, control y puntuación de dolor que anote, con las decisiones del entrenador.
join-see_outcomes = Sus mediciones y cuestionarios.
join-see_messages = Los mensajes que les envíe.
join-can_do = Qué pueden hacer sus profesionales
join-do_sign = Firmar una autorización, o una reanudación tras una parada.
join-do_dose = Cambiar su dosis, dentro de lo que permiten sus preguntas de seguridad, con un motivo que usted puede leer.
join-do_write = Escribirle aquí. No se envía nada por correo, SMS ni ningún servicio externo.
join-your_say = Lo que sigue siendo suyo
join-logged = Cada vez que un profesional abre sus datos, aparece en Ajustes → Quién ha visto mis datos.
join-leave = Puede irse cuando quiera (Equipo de atención → Dejar); desde entonces no ven nada nuevo, y su equipo de atención conserva lo que compartió hasta entonces, solo lectura.
join-nobody_else = Nadie más ve sus datos: ni los administradores de la clínica ni otras clínicas. Solo en una emergencia puede leerlos otro profesional de esta clínica, durante una hora, con un motivo que se le muestra.
join-on_team = estará en su equipo de atención.
join-agree = Acepto compartir mis datos con
join-submit = Unirme
join-sign_in_first = Inicie sesión (o cree su cuenta) primero, y luego abra el enlace o escriba el código otra vez.
join-sign_in = Iniciar sesión
join-sign_up = Crear una cuenta
join-not_now = Ahora no

## invite
invite-title = Invitar a un paciente
invite-help = Dé al paciente el código para escribirlo en su teléfono, envíele el enlace o deje que escanee el código QR. Ve lo que verá la clínica y lo acepta antes de unirse; usted entra en su equipo de atención.
invite-code = Código
invite-link = Enlace
invite-qr = Código QR del enlace de invitación a
invite-scan = Escanéelo con la cámara del teléfono para abrir la invitación.
invite-once = Se puede usar una vez, durante
invite-days = días.
invite-staff_title = Invitar a alguien a trabajar en
invite-staff_help = Dele el código o el enlace. Inicia sesión (o se registra) y la acepta; su cuenta trabaja entonces en la clínica como
invite-staff_consent = Le invitan a trabajar en esta clínica como
invite-staff_clinician = Como profesional ve los datos de los pacientes en cuyo equipo de atención está, y cada vez que abre uno queda escrito en su registro de accesos.
invite-staff_admin = Como administrador gestiona las personas de la clínica y lee quién accedió a los datos de qué paciente, nunca los datos en sí.
invite-staff_two_factor = Los profesionales y administradores inician sesión con un segundo paso (una aplicación de autenticación): lo configurará en el siguiente paso.
invite-staff_accept = Aceptar y unirme a la clínica
invite-staff_joined = Ahora trabaja en

## twofactor
twofactor-title = Verificación en dos pasos
twofactor-help = Escriba el código de 6 cifras que muestra su aplicación de autenticación para retrowalk. ¿Ha perdido el teléfono? Escriba uno de sus códigos de recuperación.
twofactor-enrol_help = Usted ve datos de salud de otras personas, así que su inicio de sesión necesita un segundo paso. Añada retrowalk a una aplicación de autenticación en su teléfono (cualquiera que lea un código QR de «TOTP») y escriba el código que muestra.
twofactor-qr = Código QR para añadir retrowalk a una aplicación de autenticación
twofactor-scan = Escanéelo con la aplicación de autenticación.
twofactor-or_type = O escriba esta clave en la aplicación:
twofactor-first_code = El código de 6 cifras que muestra ahora la aplicación
twofactor-code = Código (6 cifras, o un código de recuperación)
twofactor-submit = Continuar
twofactor-wrong = Ese código no ha funcionado. Revise la hora de su teléfono y escriba el código más reciente.
twofactor-wrong_enrol = Ese código no coincide. Compruebe que la aplicación añadió la clave de arriba y escriba el código más reciente.
twofactor-saved_title = Guarde sus códigos de recuperación
twofactor-saved_help = Cada uno sirve una vez, si pierde el teléfono. Imprímalos o guárdelos en un lugar seguro; no se vuelven a mostrar. Si se le acaban, pida a quien administra este servidor que restablezca su verificación en dos pasos.
twofactor-continue = Los he guardado: continuar
twofactor-continue_plain = Continuar
twofactor-recovered_title = Sesión iniciada con un código de recuperación
twofactor-recovered_left = Códigos de recuperación que quedan:
twofactor-recovered_help = Ese código ya está usado. Si ha perdido el teléfono, pida a quien administra este servidor que restablezca su verificación en dos pasos, y configúrela de nuevo en su teléfono nuevo.
twofactor-on_since = La verificación en dos pasos está activada desde
twofactor-codes_left = códigos de recuperación restantes

## clinic
clinic-title = Clínica
clinic-log_of = Personas y registro de accesos de
clinic-help = Las personas de la clínica, cada acceso de emergencia, y quién de la clínica accedió a los datos de qué paciente. Usted ve quién y cuándo, nunca los datos. Que lea esta página también queda registrado.
clinic-people = Personas
clinic-people_help = Los profesionales atienden a los pacientes en cuyo equipo de atención están; los administradores gestionan la clínica y no ven datos clínicos. Al terminar una pertenencia, la persona sale a la vez de todos los equipos de atención de aquí.
clinic-name = Nombre
clinic-email = Correo electrónico
clinic-role = Papel
clinic-since = Desde
clinic-change = Cambiar
clinic-remove = Terminar la pertenencia
clinic-add = Añadir a alguien
clinic-add_help = Para alguien que ya trabaja como profesional o administrador en este servidor. A alguien nuevo, envíele una invitación; la acepta él mismo.
clinic-add_submit = Añadir a la clínica
clinic-invite_role = Invitar a alguien nuevo, como
clinic-invite = Crear una invitación
clinic-break_glass_notice = Accesos de emergencia en los últimos 7 días
clinic-see_who = Ver quién, qué paciente y por qué
clinic-event_clinician_read = Leyó los datos del paciente
clinic-event_clinician_write = Anotó algo en los datos del paciente
clinic-event_record_changed = Cambió el programa del paciente
clinic-event_break_glass = Abrió la historia con acceso de emergencia
clinic-event_care_team_added = Entró en el equipo de atención del paciente
clinic-event_care_team_removed = Salió del equipo de atención del paciente
clinic-break_glasses = Accesos de emergencia
clinic-log = Lecturas y anotaciones en los datos de los pacientes
clinic-none = Aún nada.
clinic-at = Cuándo
clinic-who = Quién
clinic-walker = Paciente
clinic-what = Qué
clinic-detail = Detalle
clinic-open = Abierto
clinic-reason = Motivo
clinic-until = hasta
clinic-questionnaires = Los cuestionarios de su clínica
clinic-questionnaires_help = Cuestionarios para los que su clínica tiene licencia. Sus equipos de atención pueden pedir a sus pacientes que los respondan; nadie más en este servidor los ve.
clinic-q_title = Título
clinic-q_id = Identificador
clinic-q_size = Tamaño
clinic-q_loaded = Cargado
clinic-q_questions = preguntas
clinic-q_subscales = subescalas
clinic-q_load = Cargar un cuestionario
clinic-q_file = El cuestionario (un Questionnaire de FHIR R4, en JSON)
clinic-q_scoring = Su puntuación (JSON)
clinic-q_load_help = Si vuelve a cargar un cuestionario con el mismo identificador, sustituye su copia anterior. Los mismos archivos sirven con retrowalk questionnaire load --clinic.
clinic-q_load_submit = Cargarlo para esta clínica

## offline
offline-title = No tiene conexión
offline-never_opened = Esta página aún no se ha abierto en este teléfono, así que no hay ninguna copia aquí. Las páginas que ya abrió se abren sin conexión, y una sesión que anote ahora se guarda en este teléfono y se envía cuando vuelva a tener conexión.
offline-log = Anotar una sesión
offline-copy = Es la copia guardada en este teléfono el { $when }; se actualiza cuando vuelva a tener conexión.
offline-saved_one = Guardada en este teléfono, aún sin enviar.
offline-saved_many = { $n } sesiones guardadas en este teléfono, aún sin enviar.
offline-safe_one = Su sesión está a salvo aquí y se enviará sola cuando vuelva a tener conexión.
offline-safe_many = Están a salvo aquí y se enviarán solas cuando vuelva a tener conexión.
offline-stop = No camine hacia atrás por ahora.
offline-stop_why = La sesión guardada indica un signo de alarma. Cuando se envíe, la aplicación le dirá qué hacer. Busque atención médica hoy (urgencias o servicios de emergencia) si tiene la rodilla caliente, roja e hinchada con fiebre; dolor, hinchazón o calor en la pantorrilla, o falta de aire repentina; dolor, presión u opresión en el pecho, o un desmayo; o no puede apoyar el peso en la pierna.
offline-refused = Una sesión que anotó sin conexión ({ $date }) no se guardó:
offline-open = Abrirla en el formulario
offline-discard = Descartarla

## Las palabras del entrenador.

## dose
dose-speed-treadmill = cinta a { $kmh }; ajústela antes de empezar y no la cambie
dose-speed-overground = un ritmo suave y constante, más o menos la mitad de su velocidad habitual al caminar
dose-support-treadmill-rails = sujétese a las dos barandillas, con la llave de seguridad puesta
dose-support-treadmill-light_touch = las yemas de los dedos apoyadas en las barandillas, con la llave de seguridad puesta
dose-support-treadmill-hands_free = sin manos, con las barandillas al alcance y la llave de seguridad puesta
dose-support-overground-rails = una mano en una pared o barandilla, con alguien cerca
dose-support-overground-light_touch = las yemas de los dedos rozando una pared o barandilla, con alguien cerca
dose-support-overground-hands_free = sin manos, junto a una pared, en un pasillo despejado y llano
dose-surface-treadmill = cinta de correr
dose-surface-overground = pasillo o pista despejados y llanos (sin escaleras ni tráfico)
dose-easy_pace = ritmo suave
dose-summary = { $minutes } min hacia atrás ({ $bouts }), { $speed }, { $incline } % de inclinación, { $support }

## headline
headline-session = Hoy: { $minutes } minutos de caminar hacia atrás y después su fortalecimiento.
headline-done = La sesión de hoy está anotada. Muy bien. Mañana por la mañana, anote cómo nota la rodilla.
headline-complete = Su programa de { $weeks } semanas ha terminado. Mantenga el hábito con su dosis actual, siga con el fortalecimiento y hable con su profesional sanitario sobre el siguiente paso.

## tip
tip-shoes = Lleve calzado cerrado que sujete bien.
tip-short_steps = Manténgase erguido y dé pasos cortos, apoyando primero la punta y luego el talón.
tip-stop_if = Pare si el dolor pasa de 5/10 o si nota que pierde el equilibrio.
tip-safety_key = Sujete la llave de seguridad a la ropa antes de que arranque la cinta.
tip-set_speed = Ajuste la velocidad antes de subir y no la cambie en toda la sesión.
tip-clear_space = Elija un espacio despejado, llano y conocido: sin escaleras, bordillos, alfombras ni tráfico.
tip-glance = Mire por encima del hombro cada pocos pasos para ver hacia dónde va.

## exercise
exercise-why_strength = Unos músculos fuertes en el muslo y la cadera quitan carga a la rodilla; todas las personas del ensayo lo hicieron además de caminar.
exercise-why_aerobic = Una actividad de bajo impacto hasta 150 minutos a la semana cuida el corazón, el peso y las articulaciones; sus minutos hacia atrás cuentan.
exercise-dose-strength_early = 2 series de 10, despacio; descanse un minuto entre series
exercise-dose-strength_mid = 2 series de 12, despacio; descanse un minuto entre series
exercise-dose-strength_late = 3 series de 10 a 12, despacio; descanse un minuto entre series
exercise-dose-stretch = cada pierna: mantenga unos 30 segundos, 3 veces, todos los días
exercise-dose-balance = 3 posturas de hasta 30 segundos con cada pie delante
exercise-dose-aerobic = { $minutes } minutos a un ritmo que le permita hablar
exercise-straight_leg_raise-name = Elevación de la pierna estirada
exercise-straight_leg_raise-step1 = Túmbese boca arriba, con la otra rodilla doblada y ese pie apoyado.
exercise-straight_leg_raise-step2 = Apriete la parte delantera del muslo para que la rodilla estirada quede firme, sin forzar.
exercise-straight_leg_raise-step3 = Levante la pierna estirada hasta la altura de la rodilla doblada, mantenga contando despacio hasta 3 y bájela despacio.
exercise-straight_leg_raise-why = { exercise-why_strength }
exercise-quadriceps_set-name = Apretar el muslo (contracción del cuádriceps)
exercise-quadriceps_set-step1 = Siéntese o túmbese con la pierna estirada y una toalla enrollada bajo la rodilla.
exercise-quadriceps_set-step2 = Empuje la parte de atrás de la rodilla contra la toalla apretando el muslo.
exercise-quadriceps_set-step3 = Mantenga 5 segundos y luego relaje del todo.
exercise-quadriceps_set-why = { exercise-why_strength }
exercise-hip_adduction_squeeze-name = Apretar las rodillas (aducción de cadera isométrica)
exercise-hip_adduction_squeeze-step1 = Siéntese en una silla firme con un cojín o una pelota blanda entre las rodillas.
exercise-hip_adduction_squeeze-step2 = Apriete las rodillas contra el cojín sin que duela.
exercise-hip_adduction_squeeze-step3 = Mantenga 5 segundos y suelte despacio.
exercise-hip_adduction_squeeze-why = { exercise-why_strength }
exercise-terminal_knee_extension-name = Estirar la rodilla al final del recorrido
exercise-terminal_knee_extension-step1 = Siéntese con una toalla enrollada bajo la rodilla para que quede un poco doblada.
exercise-terminal_knee_extension-step2 = Levante el talón hasta estirar la rodilla, sin separar de la toalla la parte de atrás de la rodilla.
exercise-terminal_knee_extension-step3 = Mantenga 3 segundos y baje despacio.
exercise-terminal_knee_extension-why = { exercise-why_strength }
exercise-semi_squat-name = Media sentadilla junto a la encimera
exercise-semi_squat-step1 = Póngase de pie frente a la encimera de la cocina, con las manos apoyadas y los pies separados al ancho de las caderas.
exercise-semi_squat-step2 = Lleve la cadera hacia atrás y doble un poco las rodillas, solo hasta donde le resulte cómodo.
exercise-semi_squat-step3 = Vuelva a ponerse bien erguido. Mantenga las rodillas sobre los dedos de los pies.
exercise-semi_squat-why = { exercise-why_strength }
exercise-leg_press-name = Prensa de piernas (o levantarse de la silla en casa)
exercise-leg_press-step1 = En el gimnasio: una prensa de piernas ligera, empujando la plataforma con suavidad sin bloquear las rodillas.
exercise-leg_press-step2 = En casa: siéntese en una silla firme con los pies apoyados y levántese sin usar las manos si puede; luego siéntese despacio.
exercise-leg_press-step3 = Elija una carga con la que aún podría hacer unas cuantas más al final de cada serie.
exercise-leg_press-why = { exercise-why_strength }
exercise-hamstring_stretch-name = Estiramiento de la parte de atrás del muslo
exercise-hamstring_stretch-step1 = Siéntese en el borde de una silla con una pierna estirada hacia delante y el talón en el suelo.
exercise-hamstring_stretch-step2 = Con la espalda recta, inclínese hacia delante desde la cadera hasta notar un tirón suave detrás del muslo.
exercise-hamstring_stretch-step3 = Quédese quieto y respire; nunca dé rebotes. Cambie de pierna.
exercise-hamstring_stretch-why = Unos músculos tensos detrás del muslo hacen más difícil estirar la rodilla; estirar a diario mantiene el recorrido.
exercise-calf_stretch-name = Estiramiento de la pantorrilla en la pared
exercise-calf_stretch-step1 = Póngase frente a una pared con las manos apoyadas, un pie delante y otro detrás.
exercise-calf_stretch-step2 = Mantenga el talón de atrás en el suelo y la rodilla de atrás estirada, y doble la rodilla de delante hasta notar un tirón suave en la pantorrilla de atrás.
exercise-calf_stretch-step3 = Quédese quieto y respire. Cambie de pierna.
exercise-calf_stretch-why = Unas pantorrillas flexibles permiten que el paso hacia atrás, con la punta primero, apoye con suavidad.
exercise-counter_balance-name = Equilibrio junto a la encimera
exercise-counter_balance-step1 = Póngase de pie junto a la encimera de la cocina, con las dos manos apoyadas y alguien cerca.
exercise-counter_balance-step2 = Ponga un pie justo delante del otro (el talón cerca de los dedos) hasta 30 segundos; cambie de pie.
exercise-counter_balance-step3 = Cuando le resulte fácil, apoye solo las yemas de los dedos en la encimera.
exercise-counter_balance-why = Practicar el equilibrio reduce el riesgo de caídas y se recomienda en la artrosis de rodilla.
exercise-cycling-name = Bicicleta suave
exercise-cycling-step1 = Ajuste el sillín para que la rodilla quede solo un poco doblada en la parte baja de la pedalada.
exercise-cycling-step2 = Pedalee con poca resistencia a un ritmo que le permita hablar.
exercise-cycling-why = { exercise-why_aerobic }
exercise-swimming-name = Nadar o caminar en el agua
exercise-swimming-step1 = Nade con suavidad, o camine hacia delante y hacia atrás con el agua a la altura del pecho.
exercise-swimming-step2 = Mantenga un ritmo que le permita hablar.
exercise-swimming-why = { exercise-why_aerobic }
exercise-forward_walk-name = Paseo a buen paso
exercise-forward_walk-step1 = Camine en terreno llano, con calzado que sujete bien, a un ritmo que le permita hablar.
exercise-forward_walk-step2 = Divídalo en paseos más cortos si la rodilla lo prefiere.
exercise-forward_walk-why = { exercise-why_aerobic }

## symptom
symptom-new_swelling = La rodilla se ha hinchado de nuevo
symptom-knee_locked = La rodilla se bloqueó o se quedó atascada
symptom-knee_gave_way = La rodilla falló
symptom-hot_knee_or_fever = Rodilla caliente y roja, o fiebre
symptom-calf_pain_swelling = Dolor, hinchazón o calor en la pantorrilla
symptom-chest_pain_or_faint = Dolor en el pecho, mareo o desmayo
symptom-fell = Me caí

## pain
pain-no_pain = sin dolor
pain-mild = leve
pain-moderate = moderado
pain-severe = fuerte
pain-very_severe = muy fuerte
pain-worst_imaginable = el peor imaginable

## question
question-heart_condition-text = ¿Tiene un problema de corazón o la tensión alta, y lo sabe un médico?
question-heart_condition-if_yes = Consulte con su médico o fisioterapeuta si este ejercicio le conviene al corazón y anote después su autorización.
question-chest_pain-text = ¿Nota alguna vez dolor, presión u opresión en el pecho, en reposo, en las tareas diarias o al hacer actividad?
question-chest_pain-if_yes = El dolor en el pecho necesita una revisión médica antes de hacer ejercicio. Si le está pasando ahora, llame a emergencias.
question-dizzy_or_fainted-text = En los últimos 12 meses, ¿se ha desmayado o ha perdido el equilibrio por un mareo? (Quedarse sin aliento tras un esfuerzo fuerte no cuenta).
question-dizzy_or_fainted-if_yes = Los mareos o desmayos necesitan la revisión de un profesional antes de caminar hacia atrás.
question-other_long_term_condition-text = ¿Tiene otra enfermedad de larga duración que trata un médico, como diabetes o una enfermedad del pulmón o del riñón?
question-other_long_term_condition-if_yes = Pregunte a su médico o fisioterapeuta si este programa le conviene y anote después su autorización.
question-other_joint_problem-text = Aparte de la rodilla, ¿tiene algún problema de huesos, articulaciones o músculos (espalda, cadera, tobillo) que podría empeorar si camina más?
question-other_joint_problem-if_yes = Un profesional debe revisar antes ese otro problema y después anotar usted su autorización.
question-supervised_only-text = ¿Le ha dicho un profesional sanitario que haga ejercicio solo con alguien cualificado vigilando?
question-supervised_only-if_yes = Siga ese consejo: haga este programa con ese profesional y anote su autorización.
question-hot_swollen_knee-text = ¿Tiene la rodilla caliente, roja e hinchada y a la vez fiebre o malestar?
question-hot_swollen_knee-if_yes = Puede ser una infección de la articulación. No haga ejercicio: busque atención médica hoy.
question-swelling_after_injury-text = ¿Se le hinchó la rodilla en pocas horas tras una caída, una torcedura o un golpe recientes?
question-swelling_after_injury-if_yes = Una hinchazón rápida tras una lesión puede ser sangre en la articulación o un ligamento roto. Consulte a un profesional antes de hacer cualquier ejercicio.
question-knee_locks-text = ¿Se le queda la rodilla atascada (bloqueada) de forma que no puede estirarla?
question-knee_locks-if_yes = Una rodilla que se bloquea necesita que la valore un profesional antes de empezar.
question-knee_gives_way-text = ¿Le falla la rodilla de repente?
question-knee_gives_way-if_yes = Una rodilla que falla hace peligroso caminar hacia atrás. Consulte antes a un profesional.
question-cannot_bear_weight-text = ¿No puede apoyar todo su peso en la pierna?
question-cannot_bear_weight-if_yes = No poder apoyarse en la pierna necesita la revisión de un profesional antes de cualquier ejercicio.
question-calf_pain_swelling-text = ¿Tiene una pantorrilla dolorida, hinchada, caliente o de otro color?
question-calf_pain_swelling-if_yes = Puede ser un coágulo de sangre. Busque atención médica hoy y no haga ejercicio.
question-night_pain_weight_loss-text = ¿Tiene dolor de rodilla constante o por la noche y además pierde peso sin saber por qué?
question-night_pain_weight_loss-if_yes = Esta combinación necesita una revisión médica pronto, antes de hacer ejercicio.
question-long_morning_stiffness-text = ¿Tiene las articulaciones rígidas más de media hora después de levantarse, o varias articulaciones hinchadas?
question-long_morning_stiffness-if_yes = Puede ser una artritis inflamatoria. Debe revisarlo un profesional y después anotar usted su autorización.
question-fell_past_year-text = ¿Se ha caído en los últimos 12 meses?
question-fell_past_year-if_yes = Caminará hacia atrás solo con apoyo: barandillas de la cinta y llave de seguridad, o junto a una pared con alguien cerca.
question-feels_unsteady-text = ¿Se nota inestable al caminar?
question-feels_unsteady-if_yes = Caminará hacia atrás solo con apoyo hasta que mejore su equilibrio.
question-afraid_of_falling-text = ¿Le preocupa caerse?
question-afraid_of_falling-if_yes = Le mantenemos con apoyo (barandillas o una pared, alguien cerca) para que practique con confianza.
question-uses_walking_aid-text = ¿Usa, o le han aconsejado usar, un bastón, una muleta o un andador?
question-uses_walking_aid-if_yes = Caminará hacia atrás solo con apoyo, nunca sin manos.

## pausebox
pausebox-urgent_lead = Busque atención médica hoy (urgencias o servicios de emergencia) si tiene algo de esto:
pausebox-urgent1 = la rodilla caliente, roja e hinchada, con fiebre o malestar
pausebox-urgent2 = dolor, hinchazón o calor en la pantorrilla, o falta de aire repentina
pausebox-urgent3 = dolor, presión u opresión en el pecho, o un desmayo
pausebox-urgent4 = no puede apoyar el peso en la pierna, o la rodilla está bloqueada y no se estira
pausebox-urgent5 = la rodilla se hinchó rápidamente tras una caída o una torcedura
pausebox-screen_red_flag-headline = No empiece a caminar hacia atrás: sus preguntas de seguridad encontraron un signo de alarma.
pausebox-screen_red_flag-do_now = Consulte ahora a un profesional y enséñele sus respuestas. No ejercite la rodilla hasta que la haya revisado.
pausebox-screen_red_flag-ends_when = Un profesional revisa su rodilla. Cuando el problema esté resuelto, responda de nuevo a las preguntas de seguridad; el programa empieza cuando no encuentran ningún signo de alarma.
pausebox-clearance_needed-headline = Caminar hacia atrás espera la autorización de un profesional.
pausebox-clearance_needed-do_now = Consulte a su médico o fisioterapeuta y enséñele sus respuestas.
pausebox-clearance_needed-ends_when = Cuando le digan que puede empezar, anote su autorización (su nombre, su profesión y la fecha); su programa empieza entonces.
pausebox-red_flag-headline = Pare: caminar hacia atrás está en pausa por lo que ha contado.
pausebox-red_flag-do_now = Avise hoy a su profesional sanitario y cuéntele lo que pasó. No camine hacia atrás ni haga los ejercicios hasta que le haya visto.
pausebox-clinician-headline = Su equipo de atención ha pausado caminar hacia atrás.
pausebox-clinician-do_now = Lea su nota y escríbales si algo no está claro. Siga moviéndose con suavidad en su día a día, sin molestias.
pausebox-ended-headline = Su equipo de atención ha terminado su programa de caminar hacia atrás.
pausebox-ended-do_now = Lea su nota. Siga con el fortalecimiento, los estiramientos y la actividad diaria que le aconsejen.
pausebox-pain-headline = Caminar hacia atrás está en pausa: le dolió la rodilla después de dos sesiones seguidas.
pausebox-pain-do_now = Avise a su profesional sanitario y cuéntele cómo ha estado su rodilla. Siga moviéndose con suavidad en su día a día, sin molestias.
pausebox-restart_ends = Su profesional sanitario reanuda el programa cuando le haya revisado: anota la reanudación, con su nombre, su profesión y la dosis con la que reanudar. Hasta entonces, nada de caminar hacia atrás.
pausebox-ended_ends = Ahora no hay nada previsto. Si algún día su equipo de atención reanuda el programa, anotará la reanudación con la dosis con la que empezar.

## reason
reason-with_note = { $sentence } Su nota: { $note }

## cli
cli-today_title = { $date } — semana { $week }
cli-checkin_when_paused = Su profesional sanitario querrá saber cómo está la rodilla: `retrowalk checkin --pain N` para el { $date }.
cli-checkin_due = Tiene pendiente el control de la mañana de su sesión del { $date }: ejecute `retrowalk checkin --pain N`.
cli-on_the = Caminar hacia atrás en: { $surface }
cli-warm_up = 1. Calentamiento: { $minutes } min caminando hacia delante sin esfuerzo.
cli-one_go = 2. Camine hacia atrás { $minutes } min seguidos.
cli-bouts = 2. Camine hacia atrás { $minutes } min en { $count } tandas: { $bouts }, con { $rest } min de descanso entre ellas.
cli-speed = Velocidad: { $speed }.
cli-incline = Inclinación: { $incline } %.
cli-support = Apoyo: { $support }.
cli-cool_down = 3. Vuelta a la calma: { $minutes } min caminando hacia delante sin esfuerzo.
cli-why = Por qué esta dosis: { $why }
cli-safety = Seguridad:
cli-also = También hoy:
cli-also_hint = (`retrowalk plan` explica cómo hacer cada uno y por qué).
cli-after = Después de la sesión: `retrowalk log --pain-before N --pain-peak N --pain-after N`.
cli-not_advice = retrowalk no es consejo médico: su profesional sanitario decide lo que le conviene.
cli-stop = PARE
cli-paused = EN PAUSA
cli-do_now = Qué hacer ahora: { $text }
cli-ends_when = Qué termina la pausa: { $text }
cli-plan_programme = Programa del { $start } al { $end }
cli-plan_supported_only = (solo con apoyo)
cli-plan_current = Dosis actual: { $why }
cli-plan_week = Semana { $week } (desde el { $from }): { $retro } min hacia atrás + { $aerobic } min de actividad aeróbica previstos, hacia { $goal } min a la semana
cli-plan_aerobic_done = ; { $minutes } min de actividad aeróbica hechos (importados)
cli-plan_schedule = Con cada sesión hacia atrás: fortalecimiento. Cada día: estiramientos. Los otros días: actividad aeróbica.
