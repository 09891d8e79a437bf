#!/usr/bin/env bash
# The reliability probes at full size (README "Reliability"): crash recovery with 20 SIGKILLed passes per clock, two
# instances at one instant for 10 rounds on Azurite (and on one SQLite file), 50 people completing one card, 200
# completions across occurrences and clicks under a storage outage (SQLite and Azurite), 5,000 fuzzed activities.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/SocBot.Tests -v q -nologo
SOCBOT_PROBE_SIZE=full dotnet test tests/SocBot.Tests --no-build --logger "console;verbosity=detailed" \
  --filter "FullyQualifiedName~ReminderProcessProbeTests|FullyQualifiedName~RemindCommandLineTests.TwoProcessesAtOnce|FullyQualifiedName~CompletionProbeTests|FullyQualifiedName~ClientInputFaultTests.FuzzedActivities"
