<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>operator %1 is not registered; log in with your own badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is disabled; ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station %1 is not registered; ask an admin to add it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station %1 is set up for %2, not %3; use a %3 station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was scrapped; it cannot be worked. Put it in the scrap bin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already shipped; it cannot be worked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside the limit %2..%3; fix the process and measure again, or ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known defect code; pick one from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 is not known here; check the label or mount it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be recorded now: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown model &quot;%1&quot;; known models: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donor card %1 was already received (%2); do not receive it twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1 is already recorded on %2; this is a die mix-up, call a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donor card %1 was never received; record its intake first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donor card %1 was already stripped (die %2); scan the next card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required for model %1; read it off the die</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 is not known here; check the traveler label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 is already reballed; it needs mount next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 is mounted on unit %2; only a failed unit goes back to reball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 is already mounted on unit %2; a die is mounted once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 is not reballed yet; record reball first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 belongs to unit %2 on board %3; mount it back on that board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>board %1 is already used in unit %2; take a new board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>board %1 was scrapped; take a new board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 has had %2 reflows, the limit is %3; scrap it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>board %1 has had %2 reflows, the limit is %3; scrap the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result is pass but the measurements show %1; record fail or measure again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a passed inspection has no defect; remove the defect or record fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a failed inspection needs a defect code; scan or pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1 is already recorded on %2; this is a die swap or mix-up, call a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1 differs from %2 read at intake of card %3; the die was swapped, call a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result is pass but the readings show %1; record fail or test again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a passed test has no defect; remove the defect or record fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a failed test needs a defect code; scan or pick one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 is already packed in batch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 is %2; open a new batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 holds %2 units, this unit is %3; use a %3 batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 does not exist; check the batch label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 was already shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 is already closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 has no units; pack units before closing it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch %1 is still open; close it before shipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 is packed in batch %2; void the pack record first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die %1 is part of unit %2; scrap the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card %1 was stripped; scrap its die %2 instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a known card, die or unit; check the label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a supervisor can void a record; call your supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no record with id %1; copy the id from the trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a void cannot itself be voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 is already void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a later %1 record (%2) builds on it; void that one first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Usage: reworkctl [--db PATH] [--json] [--verbose] COMMAND ...

Commands:
  init                                   create or upgrade the database
  demo --units N [--days D] [--seed S]   add realistic demo data
  operator add ID --name NAME --role operator|supervisor|admin --pin PIN
  operator list
  station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME]
  station list
  record STEP --station S --operator O key=value ...
         STEP: intake strip reball mount inspect test pack scrap
  batch close BATCH [--station S --operator O]
  batch ship BATCH [--station S --operator O] [carrier=TEXT]
  void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]
  trace SERIAL                           genealogy and timeline of any serial
  check                                  integrity check of database and derived state
  config list | config set KEY VALUE     repair.max_attempts, reflow.limit

Global options:
  --db PATH     database file (default: $REWORKTRACK_DB, else the user&apos;s data folder)
  --json        machine-readable output
  --verbose     log to stderr as well as to the log file
  --version     print the version

COMMAND --help shows the fields of a command. A command that creates an id prints it
alone on the last line. Exit codes: 0 success, 1 refused, 2 usage, 3 storage.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--db needs a file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; run reworkctl --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl init
Creates the database, or brings its schema up to date.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database %1 ready (schema version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl demo --units N [--days D] [--seed S]
Adds stations, operators (PIN %1) and N donor cards taken through the line.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--units must be a whole number from 1 to 1000000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--days must be a whole number from 1 to 3650</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo data: %1 donor cards, %2 units passed test, %3 repair loops, %4 scrapped, %5 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>demo operators OP001..OP004, supervisor SUP01, admin ADMIN; PIN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl operator add ID --name NAME --role operator|supervisor|admin --pin PIN
       reworkctl operator list
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown operator command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one operator ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--name, --role and --pin are required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 added as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl station add ID --step intake|strip|reball|mount|inspect|test|pack [--name NAME]
       reworkctl station list
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown station command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give one station ID and --step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station %1 added for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl record STEP --station S --operator O key=value ...
STEP: intake strip reball mount inspect test pack scrap
reworkctl record STEP --help lists the fields of a step.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a step; use intake, strip, reball, mount, inspect, test, pack or scrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl record %1 --station S --operator O key=value ...
Fields:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--station is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--operator is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded %1 of %2 (event %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 goes back to reball (repair loop)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 reached the repair limit and is scrapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl batch close BATCH [--station S --operator O]
       reworkctl batch ship BATCH [--station S --operator O] [carrier=TEXT]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown batch command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the batch id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl void EVENT_ID --reason TEXT --operator SUPERVISOR [--station S]
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one event id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>voided %1 (event %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl trace SERIAL
Shows the genealogy and timeline of a card, die, board, unit, batch or GPU UUID.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give exactly one serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl check
Runs SQLite&apos;s integrity check and compares the derived state with a replay of the event log. Changes nothing.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 problems found; call an admin to restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database ok: integrity check passed and derived state equals the event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: reworkctl config list | config set KEY VALUE
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give KEY and VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown config command &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>cannot create the folder %1; choose another database path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open the database %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configure the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switch the database to WAL mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>free-text remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>defect code (required on fail unless the measurements name it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>donor card serial sticker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>product model, e.g. RTX4090</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supplier shipment lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>board partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCB revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incoming visual condition checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the card still POSTs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU UUID read from the working donor card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VBIOS version of the donor card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory total in MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die laser marking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die date code (YYWW)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory chips harvested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damage found while stripping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>moisture sensitivity level of the die</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>when the die left dry storage (its floor-life clock starts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die id from the traveler label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solder ball alloy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>solder ball diameter in mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stencil id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flux lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server board serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reflow profile id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured peak temperature in °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measured time above liquidus in s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspection result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>worst ball void in % of ball area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bridged balls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opens or missing balls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>head-in-pillow joints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die misaligned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>short on a power rail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU UUID reported by the card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VBIOS version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe link generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PCIe link width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>highest GPU temperature in °C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>burn-in result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>burn-in duration in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRAM test error count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch id (opened if new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>carrier or shipment reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serial of the card, die or unit to scrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>id of the record to void</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrityChecker</name>
    <message>
        <source>integrity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>foreign key: row %1 of %2 points nowhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derived state: %1 rows of %2 differ from a replay of the events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>apply a migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this database has schema version %1 but this program knows only up to %2; install the newer ReworkTrack, the database was not touched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read migration %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinHasher</name>
    <message>
        <source>a PIN is 4 to 12 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the crypto library failed to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory while hashing the PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReferenceData</name>
    <message>
        <source>give the operator&apos;s name (1-100 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a role; use operator, supervisor or admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong operator id or PIN; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator %1 is disabled; ask a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a station step; use one of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station %1 already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown setting; known: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number from 0 to 20</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SerialKind</name>
    <message>
        <source>donor card serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server board serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shipment lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die marking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>operator id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>station id</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SerialRules</name>
    <message>
        <source>the serial format &quot;%1&quot; is not a valid pattern: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty; scan it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a %1 (too long or contains control characters); scan the right label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid %2 (expected format %3); scan the right label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>Intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reball</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepSchema</name>
    <message>
        <source>too long (at most %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains control characters; type it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is outside %2..%3; check the reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not yes or no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time like 2026-11-29T08:15:00Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected key=value, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>given more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a field of %1; known fields: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required; scan or type the %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>the database is busy in another program; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is read-only; ask an admin to fix its permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the disk is full; free space and try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database file is damaged; call an admin to restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was saved; try again or call an admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepare a query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start a transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TraceQuery</name>
    <message>
        <source>give a card, die, board, unit or batch serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a known card, die, board, unit, batch or GPU</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowRules</name>
    <message>
        <source>unit %1 is mounted; it needs inspect next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 passed inspection; it needs test next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 passed test; it needs pack next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 failed and is in repair; its die %2 needs reball next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 is packed in batch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 was shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 was scrapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit %1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shop-floor tracking for GPU board rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log to stderr too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo data when the database is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ReworkTrack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rework::MainWindow</name>
    <message>
        <source>ReworkTrack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database is empty. Load demo data to try ReworkTrack, or add stations and operators with reworkctl.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace: scan any card, die, board, unit or batch serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or type a serial, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cards %1 · Dies %2 · Units %3 · Batches %4 · Events %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo data loaded: %1 donor cards. Operators log in with PIN %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rework::Trace</name>
    <message>
        <source>Trace of %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>die</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VOID</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
