# retrowalk's words, in Fluent (https://projectfluent.org). A message id is the
# key the code asks for with its dots as dashes (`today.start` is `today-start`).
# Variables are written { $name }; every language has the same ids and variables.

## nav
nav-menu = Menu
nav-skip = Skip to content
nav-label = Main
nav-today = Today
nav-plan = Plan
nav-progress = Progress
nav-outcomes = Measures
nav-learn = Learn
nav-settings = Settings
nav-signout = Sign out
nav-patients = Patients
nav-care = Care team

## footer
footer-not_advice = retrowalk is not medical advice. It does not diagnose anything; your clinician decides what is right for you. Nothing you enter leaves this server.

## common
common-yes = Yes
common-no = No
common-next = Next
common-why = Why?
common-min = min
common-week = Week

## error
error-title = Something is not right
error-home = Back to the start
error-status = Error code
error-not_found = That page does not exist.
error-sign_in_required = Please sign in.
error-unauthorized = Please sign in.
error-second_factor_required = Please finish signing in with your two-factor code.
error-csrf = This form has expired or did not come from this site. Please go back, reload and try again.
error-cross_origin = Requests from other sites are refused.
error-throttled_minutes = Too many tries. Please wait { $minutes } minutes and try again.
error-throttled_seconds = Too many tries. Please wait { $seconds } seconds and try again.
error-internal = Something went wrong on our side, and what you just sent may not have been saved. Please check, and try again in a moment.

## signup
signup-title = Create your account
signup-intro = retrowalk builds a safe, gradual backward-walking programme for painful knees. First we set up your account, then a few safety questions.
signup-name = First name
signup-email = Email
signup-password = Password
signup-password_help = At least 10 characters. A short sentence is easy to remember.
signup-submit = Create account
signup-have_account = Already have an account?

## signin
signin-title = Sign in
signin-submit = Sign in
signin-new = New here? Create an account
signin-forgot = Forgot your password?
signin-wrong = That email and password do not match. Please try again.
signin-disabled = This account is disabled. Ask the person who runs this retrowalk server to enable it again.

## reset
reset-title = Reset your password
reset-intro = Ask the person who runs this server for a reset code (they run: retrowalk user reset-password --email you@example.org). Codes work once, for 30 minutes.
reset-code = Reset code
reset-new_password = New password (at least 10 characters)
reset-submit = Set new password
reset-done = Your password is changed. Please sign in.
reset-bad_code = That code is not valid or has expired. Ask for a new one.

## onboarding
onboarding-title = Safety questions
onboarding-step = Step
onboarding-intro_general = First, your general health. Answer yes or no.
onboarding-intro_knee = Now your knee. These questions look for problems a clinician should see before any exercise.
onboarding-intro_balance = Last, your balance.
onboarding-intro_timed = If a clinician has timed you, enter the times. Otherwise leave them empty.
onboarding-timed_help = Both are optional.
onboarding-tug = Timed Up and Go, seconds
onboarding-backward = 3-metre backward walk, seconds
onboarding-finish = See my result
onboarding-answer_all = Please answer every question with yes or no.

## outcome
outcome-title = Your screening result
outcome-blocked = Do not start: see a clinician
outcome-clearance_needed = See a health professional first
outcome-supported_only = You can start, always with support
outcome-cleared = You can start
outcome-why = Why
outcome-record_clearance = Record your clearance
outcome-clearance_help = When your doctor or physiotherapist agrees you can start, record who cleared you.
outcome-cleared_by = Who cleared you (name)
outcome-role = Their role
outcome-note = Note (optional)
outcome-save_clearance = Save clearance
outcome-to_setup = Set up my programme
outcome-to_today = Go to today
outcome-redo = Answer the safety questions again
outcome-rules = Rule set

## setup
setup-title = Your set-up
setup-intro = Tell us what you have and when you can train. You can change this later in Settings.
setup-equipment = What you have
setup-equipment_treadmill = Treadmill
setup-equipment_safety_key = Treadmill safety key (clip-on emergency stop)
setup-equipment_handrails = Treadmill handrails
setup-equipment_bike = Exercise bike or bicycle
setup-equipment_pool = A pool I can use
setup-days = Days you can train
setup-start = Start date
setup-time_zone = Time zone
setup-time_zone_help = Filled in from this phone when it can tell. Start typing a city to search the list, like London or New_York.
setup-baseline_pain = Your usual knee pain on a normal day
setup-weeks = Number of weeks
setup-forward_speed = Your usual walking speed in km/h (leave 3.0 if unsure)
setup-submit = Save and see today

## day
day-today = today
day-tomorrow = tomorrow
day-yesterday = yesterday
day-date = { $weekday } { $day } { $month }
day-date_year = { $weekday } { $day } { $month } { $year }
day-short = { $weekday } { $day } { $month }
day-full = { $day } { $month } { $year }
day-day_month = { $day } { $month }
day-january = January
day-february = February
day-march = March
day-april = April
day-may = May
day-june = June
day-july = July
day-august = August
day-september = September
day-october = October
day-november = November
day-december = December
day-mon = Monday
day-tue = Tuesday
day-wed = Wednesday
day-thu = Thursday
day-fri = Friday
day-sat = Saturday
day-sun = Sunday

## today
today-title = Today
today-checkin_first = First: how is your knee this morning?
today-checkin_due = Check in for your session of
today-checkin_sets_dose = Your answer sets today's dose.
today-checkin_now = Check in
today-see_outcome = See your screening result
today-session = Backward walking
today-warm_up = Warm up, easy forward walking
today-backward = Walk backwards
today-rest_between = min rest between bouts
today-cool_down = Cool down, easy forward walking
today-where = Where
today-speed = Speed
today-incline = Incline
today-support = Support
today-why = Why this dose:
today-safety = Safety reminders
today-start = Start guided session
today-steps = Step by step
today-log_without_timer = Log a session without the timer
today-latest = Latest decision
today-also = Also today
today-next = Next backward-walking session:
today-logged = Session logged. Tomorrow morning, check in with your knee pain: it decides your next dose.
today-checked_in = Thank you. Your next dose is updated below.
today-outcomes_title = Measures due
today-outcomes_due = Some measures are due, so you can see whether the programme is working
today-rest_day = No backward walking today.
today-rest_day_next = No backward walking today. Next session:
today-starts_on = Your first backward-walking session is
today-outcomes_now = Take them
today-imports_waiting = A walk from your watch fell on a backward-walking day. Was it backward?
today-imports_answer = Answer

## today.note
today-note-exercises_done = Well done: today's exercises are done.
today-note-checkin_nothing = There is no session to check in on yet. The check-in is for the morning after a backward-walking session: walk and log today's session, then check in tomorrow morning.
today-note-checkin_done = You have already checked in on your last session. Your next dose is below.
today-note-checkin_unavailable = A check-in is not possible right now. Today says why.
today-note-restored = Your archive is restored.

## problem
problem-pain_before = How much did your knee hurt before the session? Choose a number from 0 to 10.
problem-pain_peak = How much did your knee hurt at its worst? Choose a number from 0 to 10.
problem-pain_after = How much did your knee hurt just after the session? Choose a number from 0 to 10.
problem-pain = How does your knee feel this morning? Choose a number from 0 to 10.
problem-baseline_pain = How much does your knee usually hurt on a normal day? Choose a number from 0 to 10.
problem-date = Check the date: choose it with the date picker, or write it as year-month-day, like 2026-12-06.
problem-date_not_yet = That day has not come yet: log a session on the day you walked, or after it.
problem-date_already_done = There is already a session logged on that day. Change the date if you walked on another day.
problem-date_not_started = Your programme had not started on that day: choose a day from your start date on.
problem-minutes = How many minutes did you walk backwards? Write a number from 1 to 120.
problem-bouts = In how many bouts? Write a number from 1 to 30.
problem-bouts_inconsistent = There are more bouts than minutes: each bout is at least one minute.
problem-speed = Treadmill speed: write the km/h shown on the treadmill, from 0.1 to 8.0, like 1.5.
problem-incline = Incline: write the per cent shown on the treadmill, from 0 to 15.
problem-rpe = How hard did it feel? Choose a number from 0 (resting) to 10 (as hard as you can).
problem-notes_too_long = Your note is too long: the most is 2,000 characters. Shorten it and save again; everything else you entered is still here.
problem-notes_control_character = Your note holds a character that cannot be saved (it often comes with copied text). Retype that part and save again.
problem-support_unsafe = Your screening asks you to hold on while walking backwards: choose a support with your hands on the rails or a wall.
problem-incline_unsafe = Your screening asks you to walk on the flat for now: set the incline to 0.
problem-start = When do you want to start? Choose a date.
problem-training_days = Choose at least 2 days a week when you can train (3 is what the study did).
problem-training_days_inconsistent = A day is chosen twice: choose each day once.
problem-time_zone = Choose your time zone from the list, like Europe/London.
problem-weeks = How many weeks? Write a number from 1 to 52.
problem-forward_speed = Your usual walking speed: write it in km/h, from 1.0 to 7.0, like 3.0.
problem-forward_speed_kmh = Your usual walking speed: write it in km/h, from 1.0 to 7.0, like 3.0.
problem-start_not_yet = That start date is more than a year away: choose a date within the next year.

## sport
sport-cycling = Cycling
sport-running = Running
sport-walking = Walking
sport-hiking = Hiking
sport-swimming = Swimming
sport-other = Other activity
sport-device_says = the device calls it

## exercises
exercises-title = Today's exercises, guided
exercises-none = There are no exercises for today.
exercises-start = Start guided exercises
exercises-check_chair = A sturdy chair or a wall is within reach
exercises-check_space = There is room around me to lie down or stand
exercises-check_pain = My knee pain right now is 5/10 or less
exercises-noscript = The guided timer needs JavaScript. The steps of each exercise are on Today.
exercises-get_ready = Get ready: { $name }
exercises-reps = { $name }: set { $of }, { $reps } slow repetitions
exercises-hold = { $name }: hold { $of }
exercises-left = left
exercises-right = right
exercises-rest = Rest

## session
session-title = Guided session
session-before = Before you start
session-check_shoes = I am wearing supportive, closed shoes
session-check_space = The space behind me is clear (no stairs, rugs or traffic)
session-check_key = Treadmill: safety key clipped on and hands on the rails (or a wall beside me and someone nearby)
session-check_pain = My knee pain right now is 5/10 or less
session-start = Start
session-stop = Stop
session-time_left = Time left in this step
session-pause = Pause
session-resume = Resume
session-paused = Paused. The clock waits for you; press Resume when you are ready, or Stop to finish and log what you walked.
session-paused_say = Paused.
session-next = Next:
session-last_step = Last step
session-done = Session complete. Well done.
session-stopped = Stopped.
session-wake_lock = The screen stays on while the timer runs.
session-no_wake_lock = This browser cannot keep the screen on: the timer keeps time anyway, but cues may be late while the screen is off. Turn off auto-lock for the session if you can.
session-phase_warmup = Warm up: easy forward walking
session-phase_rest = Rest: stand still, hold on
session-phase_bout = Backward walking, bout { $n } of { $of }
session-phase_cooldown = Cool down: easy forward walking
session-noscript = The guided timer needs JavaScript. You can still walk with your own timer and log the session.

## log
log-title = Log your session
log-pain_before = Knee pain before the session
log-pain_peak = Worst knee pain during the session
log-pain_after = Knee pain just after
log-symptoms = Did any of these happen? (tick any that did)
log-details = Time, speed and notes (filled in from today's plan)
log-date = Date
log-minutes = Minutes walked backwards
log-bouts = Bouts
log-speed = Treadmill speed, km/h
log-incline = Incline, %
log-support = Support
log-surface = Where
log-rpe = How hard it felt, 0 (rest) to 10 (maximal)
log-notes = Notes
log-submit = Save session
log-queued = You are offline. The session is saved on this phone and will be sent when you are back online.

## surface
surface-treadmill = Treadmill
surface-overground = Hallway or track

## support
support-rails = Holding the rails or a wall
support-light_touch = Light touch
support-hands_free = Hands free

## checkin
checkin-title = Morning check-in
checkin-intro = This is about your backward-walking session of
checkin-usual = Your usual pain is
checkin-pain = Knee pain this morning
checkin-symptoms = Since the session, did any of these happen?
checkin-submit = Save check-in

## plan
plan-expected = expected
plan-expected_help = Sessions marked expected show where the programme leads if each session before them goes well: pain of 2 or less, settled by the next morning. They are not promised: each dose is set after the session before it, from how your knee answered.
plan-title = Your plan
plan-supported_only = supported-only
plan-aerobic_done = min aerobic done (from your device)
plan-import = Import from your watch or treadmill
plan-imported = imported
plan-current = Your dose now
plan-min_backward = min backward
plan-min_aerobic = min aerobic planned
plan-goal = weekly aerobic goal, min:
plan-done = done
plan-missed = missed
plan-today = today
plan-planned = planned
plan-sessions_planned = sessions planned
plan-paused = paused
plan-paused_line = paused: no backward walking
plan-stopped_line = stopped: contact your clinician
plan-sessions_paused = sessions paused

## progress
progress-title = Progress
progress-empty = Your charts appear here after your first logged session.
progress-adherence = Sessions done:
progress-of_due = of the sessions due so far
progress-none_due = No session is due yet: adherence counts from your first session day.
progress-pain_change = Pain after sessions, first week to latest:
progress-pain = Knee pain before and after
progress-before = Before
progress-after = After
progress-mcid_band = within 1 point: smaller than a change people notice
progress-date = Date
progress-minutes = Minutes
progress-weekly = Minutes per week
progress-planned = Planned
progress-done = Done
progress-sessions = Sessions
progress-speed = Speed and support
progress-kmh = km/h
progress-adherence_chart = Adherence per week (%)
progress-table = Data table
progress-weekly_rows = With this many sessions, the pain and speed charts and tables show one row a week: the mean of its sessions.
progress-week_short = W{ $week }
progress-chart-pain-sessions = Knee pain before and after each session
progress-chart-pain-sessions-desc = Pain from 0 to 10 for each logged session. The shaded band is within 1 point of your first session's pain: changes inside it are smaller than the smallest change people notice.
progress-chart-pain-weeks = Knee pain before and after, week by week
progress-chart-pain-weeks-desc = Mean pain from 0 to 10 for each week's sessions. The shaded band is within 1 point of your first week's pain: changes inside it are smaller than the smallest change people notice.
progress-chart-band-sessions = within 1 point (MCID) of your first session
progress-chart-band-weeks = within 1 point (MCID) of your first week
progress-chart-before = Before
progress-chart-after = After
progress-chart-minutes = Backward-walking minutes per week
progress-chart-minutes-desc = For each week, minutes planned and minutes done.
progress-chart-planned = Planned
progress-chart-done = Done
progress-chart-speed-sessions = Treadmill speed per session (km/h)
progress-chart-speed-sessions-desc = Belt speed of each treadmill session; the support used is in the table beside it.
progress-chart-speed-weeks = Treadmill speed, week by week (km/h)
progress-chart-speed-weeks-desc = Mean belt speed of each week's treadmill sessions; the most advanced support used is in the table beside it.
progress-chart-speed = Speed
progress-chart-adherence = Sessions done as a share of sessions due
progress-chart-adherence-desc = Adherence for each week, in percent.
progress-chart-adherence_series = Adherence
progress-change = { $points } points: { $verdict }
progress-change-much_better = much better: a fall of 2 points or more
progress-change-noticeable = a change you can notice (1 point or more)
progress-change-worse = worse: talk to your clinician
progress-change-noise = within measurement noise so far

## learn
learn-all = All of Learn
learn-rule_heading = Why the coach does this
learn-source_heading = What the research says
learn-why_it = Why
learn-sources = Sources
learn-read_source = Read it
learn-find_source = Find it on PubMed
learn-code = For your clinician: rule
learn-certainty_verified = checked against the study itself
learn-certainty_secondary = from a review or guideline
learn-certainty_design = our own design choice, made carefully
learn-title = Learn
learn-why_title = Why walk backwards?
learn-why = Walking backwards loads the kneecap joint less than walking forwards and works the thigh muscles hard. In a six-week trial in knee osteoarthritis, 10 minutes three times a week, added to strengthening, reduced pain and disability more than strengthening alone. It adds to strengthening; it does not replace it.
learn-safety_title = Safety
learn-safety = Start slow and short, hold the rails, and change one thing at a time. Stop and contact your clinician if your knee swells, locks or gives way, if you have calf pain or swelling, chest pain or dizziness, or if you fall.
learn-pain_title = Pain as a guide
learn-pain = Pain of 0 to 2 during a session is safe, 3 to 5 is acceptable, and above 5 is too much. By the next morning your knee should be back to its usual level. The coach adds a little only when both are true, holds when pain is acceptable, and steps back when it is too much.
learn-exercises_title = The exercises
learn-rules_title = The coach's rules
learn-rules = Every decision shows one of these rule ids.
learn-evidence_title = Evidence
learn-evidence = The findings behind the rules. [V] means checked in the source, [S] means seen in a secondary source, [D] is our own design choice built on them.

## rule
rule-A-RED-FLAG = A red-flag symptom stops the programme until your clinician restarts it.
rule-A-STOPPED = While stopped, nothing changes until a clinician restarts the programme.
rule-A-PAIN-HIGH = Pain above 5 during a session: one step back.
rule-A-PAIN-AFTER-HIGH = Pain above 5 right after a session: one step back.
rule-A-MORNING-RISE = Next-morning pain 2 or more above usual: one step back.
rule-A-TWO-STEPBACKS = A second step back in a row stops the programme: contact your clinician.
rule-A-INCOMPLETE = Fewer minutes than planned: repeat the dose.
rule-A-AWAIT-CHECKIN = Without the next-morning check-in, the dose repeats.
rule-A-MORNING-UNSETTLED = Next-morning pain 1 above usual: repeat the dose.
rule-A-PAIN-ACCEPTABLE = Pain of 3 to 5 during or right after a session: repeat the dose.
rule-A-PROGRESS = Pain of 2 or less during and after, settled by the morning: add a little time, then speed, then less support, then incline.
rule-A-WEEKLY-CAP = Weekly minutes grow by at most 20%.
rule-A-AT-CEILING = At the most this stage allows: hold.
rule-A-GAP = After a week or more without sessions, restart a little lower.
rule-A-CLINICIAN-OVERRIDE = Your clinician set this dose; it wins over the coach until your next session.
rule-A-CLINICIAN-RESTART = Your clinician restarted the programme after a stop, at the dose they recorded.
rule-A-CLINICIAN-PAUSE = Your care team paused the programme, with a note saying why; it restarts when they record a restart.
rule-A-CLINICIAN-END = Your care team ended the programme, with a note saying why; only a restart they record would start it again.
rule-P-START = The first sessions are short and slow, with support: the rails, or a wall and someone nearby.
rule-P-START-SEVERE-PAIN = Usual pain of 7 or more: see a clinician first; sessions start at the lowest step.

## pause
pause-write_care_team = Write to your care team
pause-title = Backward walking is paused
pause-do_now = What to do now:
pause-ends_when = What ends the pause:
pause-urgent = Get medical help today (urgent care or emergency services) if you have any of these:
pause-no_dose = While it is paused, the plan shows no backward walking.
pause-restart = Record a restart

## restart
restart-title = Restart after a stop
restart-why_stopped = Why the programme stopped
restart-help = Only your clinician restarts the programme, once they have checked you. Record who they are, their role and what they said. The restart is kept in your history and your report.
restart-by = Clinician's name
restart-role = Their role
restart-note = Their note (what they checked, what to watch for)
restart-minutes = Minutes of backward walking to restart at (3 to 20)
restart-dose = It restarts at:
restart-submit = Record the restart
restart-show = Show the dose it restarts at
restart-check = Check the dose with your clinician. If you change the minutes, it is shown again before it is recorded.
restart-cancel = Not now
restart-care_team = Your restart is signed by your care team at
restart-care_team_how = They see the stop on their list; once they have checked you, they sign it in retrowalk and you can train again.
restart-message_them = Write to them
restart-by_clinician = A care team stopped your programme, so a clinician restarts it, in retrowalk: you cannot record this restart yourself. If you have left that clinic, ask whoever runs this server.

## settings
settings-title = Settings
settings-language = Language
settings-language_label = The language of retrowalk on this device
settings-language_browser = The browser's language
settings-language_save = Use this language
settings-access = Signed-in devices and API tokens
settings-tokens_help = API tokens let scripts and apps read and write your data. Each is made with `retrowalk token create` and shown once; here you see when each was last used and can revoke it.
settings-no_tokens = No API tokens.
settings-token_created = made
settings-token_used = last used
settings-token_expires = expires
settings-token_never = never
settings-token_revoke = Revoke
settings-token_revoked = The token is revoked: it no longer works.
settings-signout_everywhere = Sign out everywhere
settings-signout_everywhere_help = Ends every signed-in session, on every device, this one too, and revokes every API token. Use it if a phone is lost or a token may have leaked.
settings-signed_in_as = Signed in as
settings-activity = Recent account activity
settings-activity_help = Sign-ins, failed sign-ins, token use, downloads of your data and other changes to your account, newest first, with the address they came from. If something here was not you, sign out everywhere and reset your password.
settings-no_activity = Nothing recorded yet.
settings-seen_by = Who has seen my data
settings-seen_by_help = Every time a clinician of a clinic you joined looks at your records, it is written here.
settings-seen_by_nobody = Nobody but you has seen your data.
settings-setup = Your set-up
settings-setup_help = Saving updates your plan. Your sessions stay, and the coach reads them again under the new set-up.
settings-save = Save set-up
settings-export = Your data
settings-export_json = Download everything (JSON)
settings-export_csv = Download sessions (CSV)
settings-export_checkins = Download check-ins (CSV)
settings-export_outcomes = Download measures (CSV)
settings-export_fhir = Download for health records (FHIR)
settings-restore = Restore from a downloaded archive (JSON)
settings-restore_help = This replaces everything in this account with the archive: your current answers and sessions are deleted.
settings-restore_button = Restore
settings-calendar = Calendar
settings-calendar_help = Subscribe to your sessions in your phone's calendar, with a reminder on the morning of each. The link is secret: anyone who has it sees your session times and doses. Making a new link stops the old one.
settings-calendar_url = Your calendar link (copy it now; it is shown once)
settings-calendar_new = Make a new calendar link
settings-calendar_revoke = Stop my calendar link
settings-calendar_revoked = Your calendar link no longer works.
settings-delete = Delete my account
settings-delete_help = This deletes your account, your answers and every session, for good. Download your data first if you want to keep it.
settings-delete_confirm = Type DELETE to confirm
settings-delete_button = Delete my account and data

## outcomes
outcomes-title = Measures
outcomes-intro = Simple tests show whether the programme is working. Take them at the start, at weeks 3 and 6, then at 3 and 12 months. Each change is compared with the smallest change that is more than measurement noise.
outcomes-due = Due now
outcomes-due_badge = due
outcomes-results = Your results
outcomes-measure = Measure
outcomes-first = First
outcomes-latest = Latest
outcomes-change = What the change means
outcomes-take = Take a measure
outcomes-activity = Activity
outcomes-score = How well, 0-10
outcomes-value = Result
outcomes-seconds = seconds
outcomes-start_watch = Start the stopwatch
outcomes-stop_watch = Stop
outcomes-start_counter = Start 30 seconds
outcomes-count = Tap for each stand
outcomes-save = Save result
outcomes-profile = About you (optional)
outcomes-profile_help = Your year of birth and sex are used only to compare your chair-stand result with usual ranges for people aged 60 to 94.
outcomes-birth_year = Year of birth
outcomes-sex = Sex
outcomes-female = Female
outcomes-male = Male
outcomes-profile_save = Save
outcomes-profile_saved = Saved.
outcomes-questionnaires = Questionnaires from your clinic
outcomes-questionnaires_help = Your clinic added these. Answer them when they are due, like the tests above.
outcomes-answer = Answer
outcomes-points = of 100

## questionnaire
questionnaire-title = Questionnaire
questionnaire-intro = Pick the answer that fits best for each question. You may leave out a question you cannot answer.
questionnaire-required = needed
questionnaire-save = Save answers

## import
import-said_added = added. It is listed below.
import-said_already = already added before, so nothing new was added.
import-said_not_activity = there is no walk, run or ride in this file (it may be a planned route or a workout plan). Nothing was added.
import-said_unreadable = this is not a file from a watch, phone or treadmill that retrowalk can read. Export the activity from its app as FIT, GPX or TCX and try again.
import-said_too_big = this file is too big to be one activity. Export a single activity from its app and try again.
import-details = Details
import-title = Import from your watch
import-intro = Add FIT, GPX or TCX files from a watch, bike computer or treadmill app. A file you added before is skipped, so nothing is counted twice.
import-files = Files (you can choose several)
import-upload = Import
import-none_chosen = Choose one or more files first.
import-results = What happened to each file
import-question = Was this walk backward?
import-yes_backward = Yes, backward: add my pain scores
import-no_forward = No, ordinary walking
import-all = Imported activities
import-when = Start
import-sport = Sport
import-counts_as = Counts as
import-waiting = waiting for your answer
import-backward = your backward session
import-aerobic = aerobic activity
import-extra = extra activity
import-confirm_title = Backward walk from your device
import-confirm_intro = Your device gave the time and speed. Add how your knee felt, as after any session.
import-save_session = Save as that day's session

## report
report-title = Report
report-open = Report for your clinician (print it)
report-generated = Made on
report-print_hint = Print this page, or download it as a PDF file.
report-pdf = Download the PDF
report-screening = Screening
report-cleared_by = Cleared by
report-programme = Programme and adherence
report-pain = Pain trend
report-decisions = Dose decisions
report-flags = Flags
report-notes = Notes
report-after_session = After the session
report-next_morning = Next morning
report-peak = Peak pain
report-all_no = Every screening question was answered no.
report-no_flags = No red-flag symptoms, falls or fall-risk results.

## security
security-sign_in = Signed in
security-sign_in_failed = Failed sign-in
security-sign_out = Signed out
security-sign_out_everywhere = Signed out everywhere
security-reset_code_issued = Password reset code issued
security-reset_code_failed = Wrong reset code
security-password_reset = Password reset
security-token_created = API token made
security-token_revoked = API token revoked
security-token_used = API token used
security-export = Data downloaded
security-restore = Archive restored
security-backup = Server backup
security-account_created = Account created
security-account_deleted = Account deleted
security-account_disabled = Account disabled
security-account_enabled = Account enabled
security-clinician_read = A clinician looked at your records
security-clinician_write = A clinician recorded something in your records
security-care_joined = You joined a clinic's care
security-care_left = You left a clinic's care
security-second_factor_enabled = Two-factor sign-in turned on
security-second_factor_failed = Wrong two-factor code
security-recovery_code_used = Recovery code used
security-second_factor_reset = Two-factor sign-in reset by the server's operator
security-break_glass = A clinician of your clinic opened your record in an emergency
security-clinic_log_read = Clinic access log read
security-member_added = Given a role in a clinic
security-membership_ended = Role in a clinic ended
security-care_team_added = A clinician was put on your care team
security-care_team_removed = A clinician was taken off your care team
security-record_changed = A clinician changed your programme (before and after)

## patients
patients-title = Patients
patients-intro = Everyone in your care, the most urgent first. Each flag names the rule that raised it.
patients-none = Nobody is in your care yet. A clinic admin puts you on a walker's care team.
patients-walker = Walker
patients-week = Week
patients-today = Today
patients-adherence = Sessions done, last 14 days
patients-last = Last activity
patients-decision = Last decision
patients-flags = Flags
patients-filter_flag = Flag
patients-any_flag = Any or none
patients-unseen = Not opened this week
patients-search = Name
patients-apply = Show
patients-unread = Unread messages from the walker
patients-acked = acknowledged
patients-review = Override or revert
patients-clinic = Clinic
patients-of = shown of
patients-former = Walkers who left your care (read only, as they stood when they left)
patients-left = left on
patients-earlier = Earlier rows
patients-later = More rows
patients-break_glass = Emergency access to a walker not in your care (break-glass)
patients-break_glass_help = Only in an emergency, for a walker of your clinic whose care team cannot be reached. You can read their record for 60 minutes, and nothing else. Your reason is shown to the walker and to your clinic's admins, and every view is logged.
patients-break_glass_walker = The walker's number
patients-break_glass_reason = Why you must open this record now
patients-break_glass_submit = Open the record (break-glass)

## patient
patient-title = Walker
patient-back = All my patients
patient-needs = What needs you
patient-no_flags = Nothing open: no flag is raised.
patient-ack_note = Your note (what you did or decided)
patient-ack = Acknowledge
patient-acknowledged = Acknowledged
patient-approved = Decision approved
patient-approve_note = Note (optional)
patient-approve = Approve
patient-revert_note = Why revert (the walker reads this)
patient-revert = Revert to the dose before
patient-left_on = This walker left your clinic's care on
patient-left_read_only = You see what they shared until then, read only; nothing they record now reaches you.
patient-break_glass_open = Break-glass: you can read this record until
patient-break_glass_logged = You cannot change anything. The walker and your clinic's admins see that you opened it, and why.
patient-stop_is_signed = A stop is not approved or reverted: once you have checked the walker, sign the restart.
patient-override = Change the dose (override)
patient-override_help = Within what the screening allows; the walker reads your reason. It holds until the next logged session is decided on.
patient-minutes = Minutes of backward walking (3 to 20)
patient-speed = Treadmill speed, km/h
patient-incline = Incline, %
patient-support = Support
patient-reason = Reason (the walker reads this)
patient-override_submit = Set this dose
patient-sign_clearance = Sign the clearance
patient-clearance_help = The screening asks a professional to check these before backward walking starts. Sign only once you have.
patient-role = Your role
patient-note = Note for the walker (optional)
patient-restart_note = Your note: what you checked, what to watch for
patient-sign_restart = Sign the restart
patient-asked = Measures and questionnaires asked
patient-asked_help = Beyond the standard outcome schedule: the walker sees these due with their other measures at each timepoint.
patient-asked_none = Nothing beyond the standard schedule.
patient-assign_what = Ask for
patient-assign = Ask the walker
patient-unassign = Stop asking
patient-stop = Pause or end the programme
patient-stop_open = Stop backward walking for this walker
patient-stop_help = From today the walker sees no backward-walking dose anywhere, and reads your note; their strengthening, stretching and everyday activity advice stays. It lasts until you sign a restart.
patient-stop_kind = What to do
patient-stop_pause = Pause (for now: you will check and restart)
patient-stop_end = End the programme (discharged, or no longer right for them)
patient-stop_note = Why (the walker reads this)
patient-sign = Sign with my account
patient-messages = Messages
patient-write = Write to the walker
patient-reviews = Reviews
patient-by = by
patient-not_started = This walker has not set up a programme yet: there is no report to show.
patient-monitoring = Monitoring time
patient-monitoring_since = Monitoring since
patient-window = 30-day window
patient-data_days = days with data
patient-this_month = your clinic this month
patient-minutes_word = minutes
patient-minutes_spent = Minutes on this record (the timer counts while this page is open)
patient-minutes_note = What for (optional)
patient-minutes_add = Add the minutes

## messages
messages-title = Messages
messages-none = No messages yet.
messages-send = Send
messages-care_team = Care team

## care
care-title = Care team
care-none = You are not in a clinic's care. retrowalk works on its own; if a physiotherapist or a clinic uses retrowalk, they can give you an invitation code to type below.
care-sees = This clinic's care team sees your programme and can write to you. Every time they open your record, Settings → Who has seen my data lists it.
care-new = new
care-you = You
care-write = Write to your care team
care-not_urgent = Messages are not watched around the clock. For chest pain, a fall with injury or sudden severe pain, call your emergency number.
care-leave = Leave
care-leave_help = From the next moment the clinic sees nothing new: what you record after leaving never reaches it. Your care team keeps reading what you shared until then, read only, as clinics keep records. Your own history stays with you.
care-left = You have left the clinic: nothing you record from now on reaches it.
care-not_in = You were not in that clinic's care; nothing changed.
care-joined = You are now in the care of
care-join = Join a clinic
care-emergencies = Emergency openings of your record
care-emergencies_help = A clinician of your clinic who is not on your care team opened your record to read, for up to an hour, and gave this reason. If this looks wrong, tell your clinic or leave it.

## join
join-title = Join a clinic
join-help = Type the invitation code your clinic gave you (eight letters and digits), or open their link or QR code.
join-code = Invitation code
join-look = Check the code
join-invites = invites you to share your retrowalk record with
join-will_see = What the clinic will see
join-see_screening = Your screening answers and what they led to, and any clearance.
join-see_sessions = Your programme, every session, check-in and pain score you record, with the coach's decisions.
join-see_outcomes = Your outcome measures and questionnaires.
join-see_messages = The messages you send them.
join-can_do = What its clinicians can do
join-do_sign = Sign a clearance, or a restart after a stop.
join-do_dose = Change your dose, within what your screening allows, with a reason you can read.
join-do_write = Write to you here. Nothing is sent by e-mail, text or any outside service.
join-your_say = What stays yours
join-logged = Every time a clinician opens your record, it is listed in Settings → Who has seen my data.
join-leave = You can leave at any time (Care team → Leave); from then on they see nothing new, and your care team keeps what you shared until then, read only.
join-nobody_else = Nobody else sees your record: not the clinic's administrators, not other clinics. Only in an emergency can another clinician of this clinic read it, for an hour, with a reason you are shown.
join-on_team = will be on your care team.
join-agree = I agree to share my record with
join-submit = Join
join-sign_in_first = Sign in (or create your account) first, then open the link or type the code again.
join-sign_in = Sign in
join-sign_up = Create an account
join-not_now = Not now

## invite
invite-title = Invite a walker
invite-help = Give the walker the code to type on their phone, send them the link, or let them scan the QR code. They see what the clinic will see and agree before they join; you join their care team.
invite-code = Code
invite-link = Link
invite-qr = QR code of the invitation link to
invite-scan = Scan it with the phone's camera to open the invitation.
invite-once = It can be used once, for
invite-days = days.
invite-staff_title = Invite someone to work at
invite-staff_help = Give them the code or the link. They sign in (or sign up) and accept it; their account then works at the clinic as
invite-staff_consent = You are invited to work at this clinic as
invite-staff_clinician = As a clinician you see the records of the walkers whose care team you are on, and every time you open one it is written in their access log.
invite-staff_admin = As an admin you run the clinic's people and read who reached which walker's record, never the records themselves.
invite-staff_two_factor = Clinicians and admins sign in with a second factor (an authenticator app): you set it up at your next step.
invite-staff_accept = Accept and join the clinic
invite-staff_joined = You now work at

## twofactor
twofactor-title = Two-factor sign-in
twofactor-help = Type the 6-digit code your authenticator app shows for retrowalk. Lost your phone? Type one of your recovery codes instead.
twofactor-enrol_help = You see other people's health records, so your sign-in needs a second factor. Add retrowalk to an authenticator app on your phone (any app that reads a QR code for “TOTP”), then type the code it shows.
twofactor-qr = QR code to add retrowalk to an authenticator app
twofactor-scan = Scan with the authenticator app.
twofactor-or_type = Or type this key into the app:
twofactor-first_code = The 6-digit code the app shows now
twofactor-code = Code (6 digits, or a recovery code)
twofactor-submit = Continue
twofactor-wrong = That code did not work. Check the time on your phone, and type the newest code.
twofactor-wrong_enrol = That code did not match. Check that the app added the key above, and type the newest code.
twofactor-saved_title = Save your recovery codes
twofactor-saved_help = Each of these works once, if you lose your phone. Print them or keep them somewhere safe; they are not shown again. If you run out, ask whoever runs this server to reset your two-factor sign-in.
twofactor-continue = I have saved them: continue
twofactor-continue_plain = Continue
twofactor-recovered_title = Signed in with a recovery code
twofactor-recovered_left = Recovery codes left:
twofactor-recovered_help = That code is used up. If you have lost your phone, ask whoever runs this server to reset your two-factor sign-in, and set it up again on your new phone.
twofactor-on_since = Two-factor sign-in is on since
twofactor-codes_left = recovery codes left

## clinic
clinic-title = Clinic
clinic-log_of = People and access log of
clinic-help = The clinic's people, every break-glass, and who of the clinic reached which walker's record. You see who and when, never the records themselves. Your reading of this page is logged too.
clinic-people = People
clinic-people_help = Clinicians look after the walkers whose care team they are on; admins run the clinic and see no clinical data. Ending a membership takes the person off every care team here at once.
clinic-name = Name
clinic-email = E-mail
clinic-role = Role
clinic-since = Since
clinic-change = Change
clinic-remove = End membership
clinic-add = Add someone
clinic-add_help = For someone who already works as a clinician or admin on this server. Someone new: make an invitation instead; they accept it themselves.
clinic-add_submit = Add to the clinic
clinic-invite_role = Invite someone new, as
clinic-invite = Make an invitation
clinic-break_glass_notice = Break-glass in the last 7 days
clinic-see_who = See who, which walker and why
clinic-event_clinician_read = Read the walker's record
clinic-event_clinician_write = Recorded something in the walker's record
clinic-event_record_changed = Changed the walker's programme
clinic-event_break_glass = Opened the record with break-glass
clinic-event_care_team_added = Put on the walker's care team
clinic-event_care_team_removed = Taken off the walker's care team
clinic-break_glasses = Break-glass openings
clinic-log = Reads and writes of walkers' records
clinic-none = Nothing yet.
clinic-at = When
clinic-who = Who
clinic-walker = Walker
clinic-what = What
clinic-detail = Detail
clinic-open = Open
clinic-reason = Reason
clinic-until = until
clinic-questionnaires = Your clinic's questionnaires
clinic-questionnaires_help = Questionnaires your clinic holds a licence for. Your care teams can ask their walkers to answer them; nobody else on this server sees them.
clinic-q_title = Title
clinic-q_id = Id
clinic-q_size = Size
clinic-q_loaded = Loaded
clinic-q_questions = questions
clinic-q_subscales = subscales
clinic-q_load = Load a questionnaire
clinic-q_file = The questionnaire (a FHIR R4 Questionnaire, JSON)
clinic-q_scoring = Its scoring (JSON)
clinic-q_load_help = Loading a questionnaire with the same id again replaces your earlier copy. The same files work with retrowalk questionnaire load --clinic.
clinic-q_load_submit = Load it for this clinic

## offline
offline-title = You are offline
offline-never_opened = This page has not been opened on this phone yet, so there is no copy of it here. Pages you have opened before open without a connection, and a session you log now is kept on this phone and sent when you are back online.
offline-log = Log a session
offline-copy = This is the copy saved on this phone on { $when }; it updates when you are back online.
offline-saved_one = Saved on this phone, not sent yet.
offline-saved_many = { $n } sessions saved on this phone, not sent yet.
offline-safe_one = Your session is safe here and will be sent by itself when you are back online.
offline-safe_many = They are safe here and will be sent by themselves when you are back online.
offline-stop = Do not walk backwards for now.
offline-stop_why = Your saved log reports a warning sign. When it is sent, the app will say what to do next. Get medical help today (urgent care or emergency services) if you have a hot, red, swollen knee with a fever; pain, swelling or warmth in the calf, or sudden breathlessness; chest pain, pressure or tightness, or fainting; or you cannot put weight on the leg.
offline-refused = A session you logged offline ({ $date }) was not saved:
offline-open = Open it in the log form
offline-discard = Discard it

## The coach's words: the same English as the coach's own (a test compares them).

## dose
dose-speed-treadmill = belt at { $kmh }; set it before you start and keep it there
dose-speed-overground = an easy, steady pace, about half your usual walking speed
dose-support-treadmill-rails = hold both handrails, safety key clipped on
dose-support-treadmill-light_touch = fingertips resting on the rails, safety key clipped on
dose-support-treadmill-hands_free = hands free with the rails in reach, safety key clipped on
dose-support-overground-rails = one hand on a wall or rail, someone nearby
dose-support-overground-light_touch = fingertips brushing a wall or rail, someone nearby
dose-support-overground-hands_free = hands free beside a wall, in a clear flat hallway
dose-surface-treadmill = treadmill
dose-surface-overground = clear, flat hallway or track (no stairs, no traffic)
dose-easy_pace = easy pace
dose-summary = { $minutes } min backward ({ $bouts }), { $speed }, { $incline }% incline, { $support }

## headline
headline-session = Today: { $minutes } minutes of backward walking, then your strengthening.
headline-done = Today's session is logged. Well done. Tomorrow morning, record how your knee feels.
headline-complete = Your { $weeks }-week programme is complete. Keep the habit at your current dose, keep up the strengthening, and talk with your clinician about what comes next.

## tip
tip-shoes = Wear supportive, closed shoes.
tip-short_steps = Stand tall and take short steps, landing toes first, then the heel.
tip-stop_if = Stop if pain passes 5/10 or your balance feels off.
tip-safety_key = Clip the safety key to your clothing before the belt starts.
tip-set_speed = Set the speed before you step on, and keep it the same the whole session.
tip-clear_space = Choose a clear, flat, familiar space: no stairs, kerbs, rugs or traffic.
tip-glance = Glance over your shoulder every few steps to see where you are going.

## exercise
exercise-why_strength = Strong thigh and hip muscles take load off the knee; every walker in the trial did this alongside the walking.
exercise-why_aerobic = Low-impact activity toward 150 minutes a week keeps heart, weight and joints healthy; your backward minutes count toward it.
exercise-dose-strength_early = 2 sets of 10, slowly; rest a minute between sets
exercise-dose-strength_mid = 2 sets of 12, slowly; rest a minute between sets
exercise-dose-strength_late = 3 sets of 10-12, slowly; rest a minute between sets
exercise-dose-stretch = each leg: hold about 30 seconds, 3 times, every day
exercise-dose-balance = 3 holds of up to 30 seconds each way
exercise-dose-aerobic = { $minutes } minutes at a pace where you can still talk
exercise-straight_leg_raise-name = Straight-leg raise
exercise-straight_leg_raise-step1 = Lie on your back, the other knee bent and that foot flat.
exercise-straight_leg_raise-step2 = Tighten the front of the thigh so the straight knee locks gently.
exercise-straight_leg_raise-step3 = Lift the straight leg to the height of the bent knee, hold for a slow count of 3, lower slowly.
exercise-straight_leg_raise-why = { exercise-why_strength }
exercise-quadriceps_set-name = Thigh squeeze (quadriceps set)
exercise-quadriceps_set-step1 = Sit or lie with the leg straight and a rolled towel under the knee.
exercise-quadriceps_set-step2 = Press the back of the knee down into the towel by tightening the thigh.
exercise-quadriceps_set-step3 = Hold 5 seconds, then relax fully.
exercise-quadriceps_set-why = { exercise-why_strength }
exercise-hip_adduction_squeeze-name = Knee squeeze (isometric hip adduction)
exercise-hip_adduction_squeeze-step1 = Sit on a firm chair with a pillow or soft ball between your knees.
exercise-hip_adduction_squeeze-step2 = Squeeze the knees together into the pillow without pain.
exercise-hip_adduction_squeeze-step3 = Hold 5 seconds, then let go slowly.
exercise-hip_adduction_squeeze-why = { exercise-why_strength }
exercise-terminal_knee_extension-name = End-range knee straightening
exercise-terminal_knee_extension-step1 = Sit with a rolled towel under the knee so it is slightly bent.
exercise-terminal_knee_extension-step2 = Lift the heel until the knee is straight, keeping the back of the knee on the towel.
exercise-terminal_knee_extension-step3 = Hold 3 seconds, lower slowly.
exercise-terminal_knee_extension-why = { exercise-why_strength }
exercise-semi_squat-name = Half squat at a counter
exercise-semi_squat-step1 = Stand facing a kitchen counter, hands resting on it, feet hip-width apart.
exercise-semi_squat-step2 = Push your hips back and bend the knees a little, no further than is comfortable.
exercise-semi_squat-step3 = Stand back up tall. Keep knees over your toes.
exercise-semi_squat-why = { exercise-why_strength }
exercise-leg_press-name = Leg press (or sit-to-stand at home)
exercise-leg_press-step1 = At a gym: a light leg press, pushing the platform away smoothly without locking the knees.
exercise-leg_press-step2 = At home: sit on a firm chair, feet flat, and stand up without using your hands if you can, then sit down slowly.
exercise-leg_press-step3 = Choose a load you could do a few more times at the end of each set.
exercise-leg_press-why = { exercise-why_strength }
exercise-hamstring_stretch-name = Back-of-thigh stretch
exercise-hamstring_stretch-step1 = Sit on the edge of a chair with one leg straight out, heel on the floor.
exercise-hamstring_stretch-step2 = Keep your back straight and lean forward from the hips until you feel a gentle pull behind the thigh.
exercise-hamstring_stretch-step3 = Hold still and breathe; never bounce. Change legs.
exercise-hamstring_stretch-why = Tight muscles behind the thigh make straightening the knee harder; a daily stretch keeps the range.
exercise-calf_stretch-name = Calf stretch at a wall
exercise-calf_stretch-step1 = Face a wall with your hands on it, one foot forward and one back.
exercise-calf_stretch-step2 = Keep the back heel down and the back knee straight, and bend the front knee until the back calf feels a gentle pull.
exercise-calf_stretch-step3 = Hold still and breathe. Change legs.
exercise-calf_stretch-why = Supple calves let the toes-first backward step land softly.
exercise-counter_balance-name = Balance practice at a counter
exercise-counter_balance-step1 = Stand at a kitchen counter with both hands on it and someone nearby.
exercise-counter_balance-step2 = Stand with one foot just in front of the other (heel near toes) for up to 30 seconds; swap feet.
exercise-counter_balance-step3 = When that is easy, rest only your fingertips on the counter.
exercise-counter_balance-why = Balance practice lowers the chance of a fall and is recommended for knee osteoarthritis.
exercise-cycling-name = Easy cycling
exercise-cycling-step1 = Set the saddle so the knee is only slightly bent at the bottom of the pedal stroke.
exercise-cycling-step2 = Pedal with light resistance at a pace where you can still talk.
exercise-cycling-why = { exercise-why_aerobic }
exercise-swimming-name = Swimming or water walking
exercise-swimming-step1 = Swim gently, or walk forwards and backwards in chest-deep water.
exercise-swimming-step2 = Keep a pace where you can still talk.
exercise-swimming-why = { exercise-why_aerobic }
exercise-forward_walk-name = Brisk forward walk
exercise-forward_walk-step1 = Walk on level ground in supportive shoes at a pace where you can still talk.
exercise-forward_walk-step2 = Split it into shorter walks if your knee prefers.
exercise-forward_walk-why = { exercise-why_aerobic }

## symptom
symptom-new_swelling = New swelling of the knee
symptom-knee_locked = The knee locked or got stuck
symptom-knee_gave_way = The knee gave way
symptom-hot_knee_or_fever = Hot, red knee or a fever
symptom-calf_pain_swelling = Calf pain, swelling or warmth
symptom-chest_pain_or_faint = Chest pain, dizziness or fainting
symptom-fell = I fell

## pain
pain-no_pain = no pain
pain-mild = mild
pain-moderate = moderate
pain-severe = severe
pain-very_severe = very severe
pain-worst_imaginable = worst imaginable

## question
question-heart_condition-text = Do you have a heart condition or high blood pressure that a doctor knows about?
question-heart_condition-if_yes = Check with your doctor or physiotherapist that this exercise suits your heart, then record their clearance.
question-chest_pain-text = Do you ever feel pain, pressure or tightness in your chest, whether resting, doing daily things or being active?
question-chest_pain-if_yes = Chest pain needs a doctor's check before you exercise. If it is happening now, call emergency services.
question-dizzy_or_fainted-text = In the last 12 months, have you fainted, or lost your balance because you felt dizzy? (Being out of breath after hard effort does not count.)
question-dizzy_or_fainted-if_yes = Dizziness or fainting needs a professional's check before you walk backwards.
question-other_long_term_condition-text = Do you live with another long-term condition that a doctor treats, such as diabetes, lung or kidney disease?
question-other_long_term_condition-if_yes = Ask your doctor or physiotherapist whether this programme suits you, then record their clearance.
question-other_joint_problem-text = Apart from your knee, do you have a bone, joint or muscle problem (back, hip, ankle) that more walking could make worse?
question-other_joint_problem-if_yes = A professional should check that other problem first, then record their clearance.
question-supervised_only-text = Has a health professional told you to exercise only when someone qualified is watching?
question-supervised_only-if_yes = Follow that advice: do this programme with that professional, and record their clearance.
question-hot_swollen_knee-text = Is your knee hot, red and swollen while you also have a fever or feel unwell?
question-hot_swollen_knee-if_yes = This can be an infection in the joint. Do not exercise: get medical help today.
question-swelling_after_injury-text = Did your knee swell up within a few hours of a recent fall, twist or knock?
question-swelling_after_injury-if_yes = Quick swelling after an injury can mean bleeding in the joint or a torn ligament. See a clinician before any exercise.
question-knee_locks-text = Does your knee get stuck (lock) so that you cannot straighten it?
question-knee_locks-if_yes = A knee that locks needs a clinician's assessment before you start.
question-knee_gives_way-text = Does your knee suddenly give way under you?
question-knee_gives_way-if_yes = A knee that gives way makes walking backwards unsafe. See a clinician first.
question-cannot_bear_weight-text = Are you unable to put your full weight on the leg?
question-cannot_bear_weight-if_yes = Not being able to stand on the leg needs a clinician's check before any exercise.
question-calf_pain_swelling-text = Is one calf painful, swollen, warm or a different colour?
question-calf_pain_swelling-if_yes = This can be a blood clot. Get medical help today and do not exercise.
question-night_pain_weight_loss-text = Do you have constant or night-time knee pain together with weight loss you cannot explain?
question-night_pain_weight_loss-if_yes = This combination needs a prompt medical review before exercise.
question-long_morning_stiffness-text = Are your joints stiff for more than half an hour after you get up, or are several joints swollen?
question-long_morning_stiffness-if_yes = This can be an inflammatory arthritis. A clinician should check it, then record their clearance.
question-fell_past_year-text = Have you fallen in the past 12 months?
question-fell_past_year-if_yes = You will walk backwards only with support: treadmill handrails and safety key, or beside a wall with someone nearby.
question-feels_unsteady-text = Do you feel unsteady when you walk?
question-feels_unsteady-if_yes = You will walk backwards only with support until your balance improves.
question-afraid_of_falling-text = Do you worry about falling?
question-afraid_of_falling-if_yes = We keep you supported (rails or a wall, someone nearby) so you can practise with confidence.
question-uses_walking_aid-text = Do you use, or have you been advised to use, a stick, cane or walker?
question-uses_walking_aid-if_yes = You will walk backwards only with support, never hands-free.

## pausebox
pausebox-urgent_lead = Get medical help today (urgent care or emergency services) if you have any of these:
pausebox-urgent1 = a hot, red, swollen knee with a fever or feeling unwell
pausebox-urgent2 = pain, swelling or warmth in the calf, or sudden breathlessness
pausebox-urgent3 = chest pain, pressure or tightness, or fainting
pausebox-urgent4 = you cannot put weight on the leg, or the knee is locked and will not straighten
pausebox-urgent5 = the knee swelled up quickly after a fall or a twist
pausebox-screen_red_flag-headline = Do not start backward walking: your screening found a red flag.
pausebox-screen_red_flag-do_now = See a clinician now and show them your answers. Do not exercise the knee until they have checked it.
pausebox-screen_red_flag-ends_when = A clinician checks your knee. When the problem is resolved, redo the screening; the programme starts when it finds no red flag.
pausebox-clearance_needed-headline = Backward walking waits for a professional's clearance.
pausebox-clearance_needed-do_now = See your doctor or physiotherapist and show them your answers.
pausebox-clearance_needed-ends_when = When they agree you can start, record their clearance (their name, role and the date); your programme starts then.
pausebox-red_flag-headline = Stop: backward walking is paused because of what you reported.
pausebox-red_flag-do_now = Contact your clinician today and tell them what happened. Do not walk backwards or do the exercises until they have seen you.
pausebox-clinician-headline = Backward walking is paused by your care team.
pausebox-clinician-do_now = Read their note, and message them if anything is unclear. Keep moving gently in daily life, within comfort.
pausebox-ended-headline = Your care team has ended your backward-walking programme.
pausebox-ended-do_now = Read their note. Keep up the strengthening, stretching and everyday activity they advise.
pausebox-pain-headline = Backward walking is paused: your knee was sore after two sessions in a row.
pausebox-pain-do_now = Contact your clinician and tell them how your knee has been. Keep moving gently in daily life, within comfort.
pausebox-restart_ends = Your clinician restarts the programme once they have checked you: they record the restart, with their name, role and the dose to restart at. Until then, no backward walking.
pausebox-ended_ends = Nothing is planned now. If your care team restarts the programme one day, they record the restart with the dose to start at.

## reason
reason-with_note = { $sentence } Their note: { $note }

## cli
cli-today_title = { $date } — week { $week }
cli-checkin_when_paused = Your clinician will want to know how the knee is: `retrowalk checkin --pain N` for { $date }.
cli-checkin_due = Morning check-in due for your session on { $date }: run `retrowalk checkin --pain N`.
cli-on_the = Backward walking on the { $surface }
cli-warm_up = 1. Warm up: { $minutes } min easy forward walking.
cli-one_go = 2. Walk backwards { $minutes } min in one go.
cli-bouts = 2. Walk backwards { $minutes } min in { $count } bouts: { $bouts } with { $rest } min rest between.
cli-speed = Speed: { $speed }.
cli-incline = Incline: { $incline }%.
cli-support = Support: { $support }.
cli-cool_down = 3. Cool down: { $minutes } min easy forward walking.
cli-why = Why this dose: { $why }
cli-safety = Safety:
cli-also = Also today:
cli-also_hint = (`retrowalk plan` lists how to do each one and why.)
cli-after = After the session: `retrowalk log --pain-before N --pain-peak N --pain-after N`.
cli-not_advice = retrowalk is not medical advice: your clinician decides what is right for you.
cli-stop = STOP
cli-paused = PAUSED
cli-do_now = What to do now: { $text }
cli-ends_when = What ends the pause: { $text }
cli-plan_programme = Programme { $start } to { $end }
cli-plan_supported_only = (supported-only)
cli-plan_current = Current dose: { $why }
cli-plan_week = Week { $week } (from { $from }): { $retro } min backward + { $aerobic } min aerobic planned, toward { $goal } min a week
cli-plan_aerobic_done = ; { $minutes } min aerobic done (imported)
cli-plan_schedule = With every backward session: strengthening. Every day: stretching. Other days: aerobic activity.
cli-progress_starts = Your programme starts on { $date }.
cli-progress_adherence = Adherence so far: { $pct }% of the sessions due
cli-progress_col-week = week
cli-progress_col-from = from
cli-progress_col-done_due = done/due
cli-progress_col-adherence = adherence
cli-progress_col-minutes = minutes done/planned
cli-progress_col-pain_before = pain before
cli-progress_col-peak = peak
cli-progress_col-after = after
cli-progress_col-next_morning = next morning

## outcome measures (coach::outcomes)
measure-pain_now-name = Knee pain now
measure-pain_now-unit = /10
measure-pain_now-step1 = Rate your knee pain right now: 0 is no pain, 10 is the worst pain you can imagine.
measure-pain_worst_week-name = Worst knee pain in the past week
measure-pain_worst_week-unit = /10
measure-pain_worst_week-step1 = Think back over the past 7 days. Rate the worst your knee pain has been: 0 to 10.
measure-own_activities-name = Your own activities
measure-own_activities-unit = /10
measure-own_activities-step1 = Name 3 to 5 everyday activities your knee makes hard (for example: getting out of a car, walking to the shop).
measure-own_activities-step2 = For each, rate how well you can do it today: 0 means you cannot do it at all, 10 means as well as before your knee trouble.
measure-own_activities-step3 = Next time, rate the same activities again.
measure-global_change-name = Overall change since you started
measure-global_change-unit = points (-7 to +7)
measure-global_change-step1 = Compared with just before you started, how is your knee overall now?
measure-global_change-step2 = Answer from -7 (very much worse) through 0 (about the same) to +7 (very much better).
measure-chair_stand30s-name = 30-second chair stand
measure-chair_stand30s-unit = stands
measure-chair_stand30s-step1 = Use a firm chair without arms, about knee height, with its back against a wall.
measure-chair_stand30s-step2 = Sit in the middle of the seat, feet flat, arms crossed over your chest.
measure-chair_stand30s-step3 = On 'go', stand up fully and sit down fully as many times as you can in 30 seconds. Practise once or twice first.
measure-chair_stand30s-step4 = Count full stands. If you are more than halfway up when time ends, count it.
measure-timed_up_and_go-name = Timed Up and Go
measure-timed_up_and_go-unit = s
measure-timed_up_and_go-step1 = Mark a line 3 metres from the front of a chair. Wear your usual shoes; use your walking aid if you have one.
measure-timed_up_and_go-step2 = Start sitting with your back against the chair. On 'go', stand, walk at your usual pace to the line, turn, walk back and sit down.
measure-timed_up_and_go-step3 = Time from 'go' until you are seated again.
measure-fast_walk40m-name = 40-metre fast walk
measure-fast_walk40m-unit = m/s
measure-fast_walk40m-step1 = Mark a 10-metre straight path with space to turn at each end.
measure-fast_walk40m-step2 = Walk as quickly as you safely can along it and back, twice (40 metres in all), turning around the markers.
measure-fast_walk40m-step3 = Time the whole 40 metres. Have someone walk beside you if you are unsteady.
measure-backward_walk3m-name = 3-metre backward walk
measure-backward_walk3m-unit = s
measure-backward_walk3m-step1 = Mark 3 metres on a clear floor beside a wall, with someone standing by you.
measure-backward_walk3m-step2 = Stand with your heels at the start line. On 'go', walk backwards at your usual safe pace past the 3-metre mark.
measure-backward_walk3m-step3 = Time from 'go' until both heels have passed the mark.
timepoint-baseline = baseline
timepoint-week_3 = week 3
timepoint-week_6 = week 6
timepoint-3_months = 3 months
timepoint-12_months = 12 months
change-real_improvement = a real improvement: { $change } { $unit }, more than the { $threshold } { $unit } that can be measurement noise
change-worse = worse: { $change } { $unit }, more than measurement noise; tell your clinician
change-within_noise = within measurement noise: { $change } { $unit } is less than { $threshold } { $unit }
change-no_threshold = changed by { $change } { $unit }; no agreed smallest real change is known for this measure

## notices before walking (coach::today::notices)
notice-severe_pain = Your usual knee pain is { $usual }/10. Pain that high deserves a clinician's look before you start: please see your doctor or physiotherapist first. If you start, sessions begin at the lowest step ({ $minutes } minutes). Pain above 5 during or after a session counts as too much: each time, the next session is shorter, and two in a row pause the programme until your clinician restarts it.
notice-setting = Your treadmill has no { $missing }, so your sessions are overground: a clear, flat hallway, one hand on a wall or rail, with someone nearby. Walking backwards on a belt is only safe with the safety key clipped on (it stops the belt if you slip) and rails to hold. If you get them, change your equipment in the set-up.
notice-lacks-safety_key_or_handrails = safety key or handrails
notice-lacks-safety_key = safety key
notice-lacks-handrails = handrails
