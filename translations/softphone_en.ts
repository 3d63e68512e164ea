<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CallEndText</name>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="13"/>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="15"/>
        <source>The other side hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="17"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="19"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="21"/>
        <source>You declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="23"/>
        <source>Line busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="25"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="27"/>
        <source>Missed call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="29"/>
        <source>Answered on another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="31"/>
        <source>Declined on another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="42"/>
        <source>Call failed: no network path to the other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="44"/>
        <source>Call failed: the relay server refused the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="46"/>
        <source>Call failed: the secure connection could not be set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="51"/>
        <source>Call failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="59"/>
        <source>Call failed: you are not connected to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="61"/>
        <source>Call failed: there is no such account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="63"/>
        <source>Call failed: you are already in a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="65"/>
        <source>Call failed: you cannot call yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="67"/>
        <source>Call failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallRecordPresenter</name>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="31"/>
        <source>Outgoing video call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="32"/>
        <source>Outgoing voice call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="33"/>
        <source>Incoming video call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="34"/>
        <source>Incoming voice call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="36"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="36"/>
        <location filename="../core/models/call_record_presenter.cpp" line="40"/>
        <source>Missed call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="38"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="38"/>
        <source>You declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="40"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="42"/>
        <source>Line busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="42"/>
        <source>Missed call (you were busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="51"/>
        <source>[Missed video call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="51"/>
        <source>[Missed voice call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="52"/>
        <source>[Video call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="52"/>
        <source>[Voice call]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallStatsText</name>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="10"/>
        <source>Round trip: measuring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="11"/>
        <source>Round trip: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="12"/>
        <source>Packet loss: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="13"/>
        <source>Jitter: %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="14"/>
        <source>Receiving %1 kbit/s, sending %2 kbit/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="18"/>
        <source>Video: %1×%2 at %3 fps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceChoices</name>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="9"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="17"/>
        <source>%1 (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="56"/>
        <source>Microphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="58"/>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="60"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/cli/main.cpp" line="36"/>
        <source>--%1 takes a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="55"/>
        <source>--tone takes a frequency of 20-20000 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="81"/>
        <source>no command given; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="85"/>
        <source>usage: softphone-cli devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/im/server_list.cpp" line="26"/>
        <source>--server takes ws:// or wss:// URLs, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="114"/>
        <source>usage: softphone-cli %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="127"/>
        <source>--user and --password (or --token) are needed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="137"/>
        <source>--limit takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="180"/>
        <source>choose one of --accept, --reject and --ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="193"/>
        <source>--count takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="200"/>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="213"/>
        <source>Softphone command-line client. Events are printed as JSON lines.
Commands:
  register ACCID PASSWORD [--name NAME]
  send PEER TEXT
  history PEER [--limit N]
  records PEER [--limit N]
  call PEER [--video] [--hangup-after S] [--cancel-after S] [--timeout S]
  answer [--accept|--reject|--ignore] [--hangup-after S] [--count N]
  devices
Calls carry media from synthetic devices (a tone, a test pattern) unless
--no-media, --devices or --microphone/--speaker/--camera is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="236"/>
        <source>Server URL; the nodes of a cluster separated by commas, tried in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="241"/>
        <source>Ring timeout of call, in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="244"/>
        <source>Account to log in as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="245"/>
        <source>Password (or set SOFTPHONE_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="247"/>
        <source>Session token instead of a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="248"/>
        <source>Directory of the local message stores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="250"/>
        <source>Device id (default: one remembered per account).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="252"/>
        <source>Seconds to wait for the server (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="254"/>
        <source>Seconds an answered call may wait for its media before it fails (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="257"/>
        <source>Display name, for register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="258"/>
        <source>How many messages or records (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="260"/>
        <source>Place a video call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="261"/>
        <source>Hang up S seconds after the call is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="264"/>
        <source>Cancel S seconds after dialling, if still ringing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="267"/>
        <source>Accept incoming calls (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="268"/>
        <source>Decline incoming calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="269"/>
        <source>Let incoming calls ring out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="271"/>
        <source>Incoming calls to handle before exiting (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="274"/>
        <source>Calls without media: signalling and records only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="276"/>
        <source>Frequency of the synthetic microphone&apos;s tone (default 440 Hz for call, 880 Hz for answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="281"/>
        <source>Use the real microphone, camera and speaker instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="283"/>
        <source>Microphone for calls, by id (see the devices command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="286"/>
        <source>Speaker for calls, by id (see the devices command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="289"/>
        <source>Camera for calls, by id (see the devices command).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="291"/>
        <source>Log what the client does on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="294"/>
        <source>What to do; see above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="21"/>
        <source>Softphone: chat, voice and video calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="26"/>
        <source>The server, ws:// or wss://; the nodes of a cluster separated by commas, tried in turn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="29"/>
        <source>The account to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="32"/>
        <source>Its password (or $SOFTPHONE_PASSWORD); with --user, signs in at once and remembers nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="36"/>
        <source>Keeps settings, remembered sign-in and messages apart under this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="40"/>
        <source>The language of the interface: en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="43"/>
        <source>Calls send a tone and a test pattern instead of the microphone and camera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallCommand</name>
    <message>
        <location filename="../app/cli/commands/call_command.cpp" line="16"/>
        <source>cannot place the call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallSessionCommand</name>
    <message>
        <location filename="../app/cli/commands/call_session_command.cpp" line="16"/>
        <source>the record of a call did not arrive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::CliSession</name>
    <message>
        <location filename="../app/cli/commands/cli_session.cpp" line="18"/>
        <source>cannot reach the server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/commands/cli_session.cpp" line="34"/>
        <source>login refused (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/commands/cli_session.cpp" line="41"/>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::RegisterCommand</name>
    <message>
        <location filename="../app/cli/commands/register_command.cpp" line="29"/>
        <source>cannot reach the server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/commands/register_command.cpp" line="30"/>
        <source>cannot reach the server at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/commands/register_command.cpp" line="23"/>
        <source>registration refused (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::SendCommand</name>
    <message>
        <location filename="../app/cli/commands/message_commands.cpp" line="24"/>
        <source>the message could not be stored locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/commands/message_commands.cpp" line="40"/>
        <source>the server refused the message (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::im::AccountRegistrar</name>
    <message>
        <location filename="../core/im/account_registrar.cpp" line="15"/>
        <source>no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::im::WsImClient</name>
    <message>
        <location filename="../core/im/im_client.cpp" line="90"/>
        <source>The local message store cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::media::DeviceCatalog</name>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="76"/>
        <source>Test tone (440 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="79"/>
        <source>Test tone (880 Hz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="81"/>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="84"/>
        <source>No sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="88"/>
        <source>Test pattern</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallLogView</name>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="52"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="54"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="67"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="68"/>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallNotifications</name>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="44"/>
        <source>Incoming video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="44"/>
        <source>Incoming voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="57"/>
        <source>Missed video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="57"/>
        <source>Missed voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="59"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallSounds</name>
    <message>
        <location filename="../ui/calls/call_sounds.cpp" line="19"/>
        <source>Rising</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_sounds.cpp" line="20"/>
        <source>Chime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_sounds.cpp" line="21"/>
        <source>Pulse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallWindow</name>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="267"/>
        <source>%1 is offline; it rings if they sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="269"/>
        <source>Ringing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="269"/>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="280"/>
        <source>Incoming call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="284"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="286"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="350"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="350"/>
        <source>Call with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="386"/>
        <source>Voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="387"/>
        <source>Camera off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="392"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="393"/>
        <location filename="../ui/calls/call_window.cpp" line="400"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="394"/>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="395"/>
        <source>Hang up (Ctrl+Shift+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="396"/>
        <source>Call again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="397"/>
        <source>Small window on top, to chat during the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="398"/>
        <source>Small window on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="399"/>
        <source>Microphone and speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="401"/>
        <source>Your camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CameraPreview</name>
    <message>
        <location filename="../ui/settings/camera_preview.cpp" line="69"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/camera_preview.cpp" line="80"/>
        <source>The camera is not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/camera_preview.cpp" line="92"/>
        <source>The camera cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="121"/>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="125"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="125"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="130"/>
        <source>Voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="131"/>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="132"/>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="133"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="192"/>
        <source>Video call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="192"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="195"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="196"/>
        <source>Delete (on this device)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConnectionStatusLabel</name>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="23"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="25"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="27"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="30"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/shell/connection_status_label.cpp" line="31"/>
        <source>Reconnecting in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>softphone::ui::ContactsView</name>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="140"/>
        <source>Remove contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="141"/>
        <source>Remove %1 from your contacts? Your conversation with them stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="143"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="168"/>
        <source>There is no account with that id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="170"/>
        <source>Could not remove the contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="172"/>
        <source>Could not add the contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="186"/>
        <source>Add a contact by account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="187"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="188"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="189"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="190"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="191"/>
        <source>Remove contact…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConversationDelegate</name>
    <message>
        <location filename="../ui/lists/conversation_delegate.cpp" line="26"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CredentialStore</name>
    <message>
        <location filename="../ui/shell/credential_store.cpp" line="81"/>
        <location filename="../ui/shell/credential_store.cpp" line="88"/>
        <source>this build has no keychain support</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::DesktopApp</name>
    <message>
        <location filename="../ui/shell/desktop_app.cpp" line="264"/>
        <source>Calls will not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/desktop_app.cpp" line="265"/>
        <source>Calls need GStreamer plugins that are not installed here; chat works without them.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::DeviceComboBox</name>
    <message>
        <location filename="../ui/settings/device_combo_box.cpp" line="59"/>
        <source>Not connected: calls use the system default until it is back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::DevicesPage</name>
    <message>
        <location filename="../ui/settings/devices_page.cpp" line="124"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/devices_page.cpp" line="125"/>
        <source>Play a short tone on this speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/devices_page.cpp" line="126"/>
        <source>Microphone level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::IncomingCallWindow</name>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="91"/>
        <source>Incoming video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="92"/>
        <source>Incoming voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="113"/>
        <source>Call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="133"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="134"/>
        <source>Accept (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="135"/>
        <source>Accept with video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="136"/>
        <source>Accept with video (Ctrl+Shift+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="137"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="138"/>
        <source>Decline (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::LoginDialog</name>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="157"/>
        <source>The server address must start with ws:// or wss://, for example ws://127.0.0.1:8600. The nodes of a cluster are separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="163"/>
        <source>Enter your account id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="168"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="177"/>
        <source>Sign in — Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="178"/>
        <source>Sign in to Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="179"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="180"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="181"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="182"/>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="184"/>
        <source>Your sign-in cannot be remembered: the system keychain is unavailable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="187"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="188"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::MainWindow</name>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="170"/>
        <source>The call could not be placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="187"/>
        <source>Softphone — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="190"/>
        <source>Calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="190"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="195"/>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="196"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="197"/>
        <source>Choose a conversation, or a contact to write to or call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="198"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="199"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="200"/>
        <source>&amp;Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="201"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="202"/>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="203"/>
        <source>&amp;Accept calls on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="204"/>
        <source>A&amp;bout Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="205"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="206"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="214"/>
        <source>About Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="215"/>
        <source>&lt;b&gt;Softphone %1&lt;/b&gt;&lt;p&gt;Chat, voice and video calls, and a call record for every call.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::MessageDelegate</name>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="44"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="46"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="144"/>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="146"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="148"/>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="150"/>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="152"/>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="165"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="167"/>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::MicrophoneMonitor</name>
    <message>
        <location filename="../ui/settings/microphone_monitor.cpp" line="68"/>
        <source>The microphone is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/microphone_monitor.cpp" line="76"/>
        <source>The microphone cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::MiniCallWindow</name>
    <message>
        <location filename="../ui/calls/mini_call_window.cpp" line="101"/>
        <source>Full window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/mini_call_window.cpp" line="102"/>
        <source>Back to the call window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/calls/mini_call_window.cpp" line="103"/>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::QualityBars</name>
    <message>
        <location filename="../ui/calls/quality_bars.cpp" line="57"/>
        <source>Call quality: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="103"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="104"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="106"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>Ringtone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="142"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="110"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="139"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="111"/>
        <source>Ring for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="112"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="113"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="114"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="115"/>
        <source>Leave call records in conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="116"/>
        <source>Do not disturb (calls ring out unseen and are left as missed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="117"/>
        <source>Accept calls on this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::SignInFlow</name>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="26"/>
        <source>That account id is taken. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="28"/>
        <source>This server does not let you register; ask its operator for an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="31"/>
        <source>Registration refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="41"/>
        <location filename="../ui/shell/sign_in_flow.cpp" line="161"/>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="52"/>
        <source>this build has no keychain support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="55"/>
        <source>no D-Bus session for the Secret Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="122"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="144"/>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="171"/>
        <source>Wrong account or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="174"/>
        <source>Your saved sign-in has expired. Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="176"/>
        <source>This server speaks another version of the protocol. Update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="178"/>
        <source>Sign-in refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="183"/>
        <source>You were signed out. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="194"/>
        <source>Your sign-in is not remembered: the system keychain is unavailable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::SpeakerTest</name>
    <message>
        <location filename="../ui/settings/speaker_test.cpp" line="42"/>
        <source>The speaker is not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings/speaker_test.cpp" line="48"/>
        <source>The speaker cannot play the test tone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::TrayIcon</name>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="111"/>
        <source>%1
Click: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="141"/>
        <source>Show Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="142"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="143"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/shell/tray_icon.cpp" line="145"/>
        <source>Softphone — %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="146"/>
        <source>Softphone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
