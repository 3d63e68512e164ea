<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>CallRecordPresenter</name>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="29"/>
        <source>Outgoing video call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="30"/>
        <source>Outgoing voice call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="31"/>
        <source>Incoming video call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="32"/>
        <source>Incoming voice call · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>Missed call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>You declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="40"/>
        <source>Line busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="40"/>
        <source>Missed call (you were busy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="49"/>
        <source>[Missed video call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="49"/>
        <source>[Missed voice call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="50"/>
        <source>[Video call]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="50"/>
        <source>[Voice call]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/cli/main.cpp" line="34"/>
        <source>--%1 takes a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="53"/>
        <source>--tone takes a frequency of 20-20000 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="186"/>
        <source>Softphone command-line client. Events are printed as JSON lines.
Commands:
  register ACCID PASSWORD
  send PEER TEXT
  history PEER [--limit N]
  records PEER [--limit N]
  call PEER [--video] [--hangup-after S] [--cancel-after S] [--timeout S]
  answer [--accept|--reject|--ignore] [--hangup-after S] [--count N]
Calls carry media from synthetic devices (a tone, a test pattern) unless
--no-media or --devices is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="206"/>
        <source>Server URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="209"/>
        <source>Ring timeout of call, in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="212"/>
        <source>Account to log in as.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="213"/>
        <source>Password (or set SOFTPHONE_PASSWORD).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="215"/>
        <source>Session token instead of a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="216"/>
        <source>Directory of the local message stores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="218"/>
        <source>Device id (default: one remembered per account).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="220"/>
        <source>Seconds to wait for the server (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="221"/>
        <source>Display name, for register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="222"/>
        <source>How many messages or records (default 50).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="224"/>
        <source>Place a video call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="225"/>
        <source>Hang up S seconds after the call is up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="228"/>
        <source>Cancel S seconds after dialling, if still ringing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="231"/>
        <source>Accept incoming calls (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="232"/>
        <source>Decline incoming calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="233"/>
        <source>Let incoming calls ring out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="235"/>
        <source>Incoming calls to handle before exiting (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="238"/>
        <source>Calls without media: signalling and records only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="240"/>
        <source>Frequency of the synthetic microphone&apos;s tone (default 440 Hz for call, 880 Hz for answer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="245"/>
        <source>Use the real microphone, camera and speaker instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="246"/>
        <source>Log what the client does on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="249"/>
        <source>What to do; see above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="20"/>
        <source>Softphone: chat, voice and video calls.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="24"/>
        <source>The server, ws:// or wss://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="26"/>
        <source>The account to sign in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="29"/>
        <source>Its password (or $SOFTPHONE_PASSWORD); with --user, signs in at once and remembers nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="33"/>
        <source>Keeps settings, remembered sign-in and messages apart under this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="37"/>
        <source>The language of the interface: en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="40"/>
        <source>Calls send a tone and a test pattern instead of the microphone and camera.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallCommand</name>
    <message>
        <location filename="../core/cli/call_command.cpp" line="16"/>
        <source>cannot place the call</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallSessionCommand</name>
    <message>
        <location filename="../core/cli/call_session_command.cpp" line="16"/>
        <source>the record of a call did not arrive</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::CliSession</name>
    <message>
        <location filename="../core/cli/cli_session.cpp" line="18"/>
        <source>cannot reach the server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cli_session.cpp" line="34"/>
        <source>login refused (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/cli_session.cpp" line="41"/>
        <source>cannot create the data directory %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::RegisterCommand</name>
    <message>
        <location filename="../core/cli/register_command.cpp" line="20"/>
        <source>cannot reach the server at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/register_command.cpp" line="26"/>
        <source>cannot reach the server at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/register_command.cpp" line="38"/>
        <source>registration refused (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::cli::SendCommand</name>
    <message>
        <location filename="../core/cli/message_commands.cpp" line="24"/>
        <source>the message could not be stored locally</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/cli/message_commands.cpp" line="40"/>
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
        <location filename="../core/im/im_client.cpp" line="83"/>
        <source>The local message store cannot be opened.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallLogView</name>
    <message>
        <location filename="../ui/call_log_view.cpp" line="47"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_log_view.cpp" line="49"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_log_view.cpp" line="62"/>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_log_view.cpp" line="63"/>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallWindow</name>
    <message>
        <location filename="../ui/call_window.cpp" line="132"/>
        <source>Call ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="134"/>
        <source>The other side hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="136"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="138"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="140"/>
        <source>You declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="142"/>
        <source>Line busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="144"/>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="146"/>
        <source>Missed call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="148"/>
        <source>Answered on another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="150"/>
        <source>Declined on another device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="152"/>
        <source>Call failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="163"/>
        <source>Ringing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="163"/>
        <source>Calling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="165"/>
        <source>Incoming call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="167"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="199"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="199"/>
        <source>Call with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="218"/>
        <source>Mute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="219"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="220"/>
        <source>Hang up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="221"/>
        <source>Hang up (Ctrl+Shift+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="222"/>
        <source>Remote video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="223"/>
        <source>Your camera</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::ChatView</name>
    <message>
        <location filename="../ui/chat_view.cpp" line="116"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="116"/>
        <source>offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="121"/>
        <source>Voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="122"/>
        <source>Video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="123"/>
        <source>Write a message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="124"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="183"/>
        <source>Video call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="183"/>
        <source>Call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="186"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="187"/>
        <source>Delete (on this device)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConnectionStatusLabel</name>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="23"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="25"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="27"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="30"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connection_status_label.cpp" line="31"/>
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
        <location filename="../ui/contacts_view.cpp" line="58"/>
        <source>There is no account with that id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="59"/>
        <source>Could not add the contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="113"/>
        <source>Add a contact by account id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="114"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="115"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="116"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="117"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConversationDelegate</name>
    <message>
        <location filename="../ui/conversation_delegate.cpp" line="25"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::CredentialStore</name>
    <message>
        <location filename="../ui/credential_store.cpp" line="81"/>
        <location filename="../ui/credential_store.cpp" line="88"/>
        <source>this build has no keychain support</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::DesktopApp</name>
    <message>
        <location filename="../ui/desktop_app.cpp" line="37"/>
        <source>That account id is taken. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="39"/>
        <source>This server does not let you register; ask its operator for an account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="42"/>
        <source>Registration refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="46"/>
        <location filename="../ui/desktop_app.cpp" line="175"/>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="60"/>
        <source>this build has no keychain support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="63"/>
        <source>no D-Bus session for the Secret Service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="141"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="160"/>
        <source>Creating the account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="185"/>
        <source>Wrong account or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="188"/>
        <source>Your saved sign-in has expired. Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="190"/>
        <source>This server speaks another version of the protocol. Update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="192"/>
        <source>Sign-in refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="197"/>
        <source>You were signed out. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="262"/>
        <source>Your sign-in is not remembered: the system keychain is unavailable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="359"/>
        <source>Calls will not work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="360"/>
        <source>Calls need GStreamer plugins that are not installed here; chat works without them.

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::IncomingCallWindow</name>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="87"/>
        <source>Incoming video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="88"/>
        <source>Incoming voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="108"/>
        <source>Call from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="128"/>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="129"/>
        <source>Accept (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="130"/>
        <source>Accept with video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="131"/>
        <source>Accept with video (Ctrl+Shift+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="132"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="133"/>
        <source>Decline (Ctrl+Shift+D)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.cpp" line="157"/>
        <source>The server address must start with ws:// or wss://, for example ws://127.0.0.1:8600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="163"/>
        <source>Enter your account id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="168"/>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="177"/>
        <source>Sign in — Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="178"/>
        <source>Sign in to Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="179"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="180"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="181"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="182"/>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="184"/>
        <source>Your sign-in cannot be remembered: the system keychain is unavailable (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="187"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="188"/>
        <source>Register</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="139"/>
        <source>The call could not be placed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>Softphone — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>Calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Chats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="165"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Choose a conversation, or a contact to write to or call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="167"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="168"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="169"/>
        <source>&amp;Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="170"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="171"/>
        <source>&amp;Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="172"/>
        <source>&amp;Accept calls on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="173"/>
        <source>&amp;About Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="174"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="175"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="183"/>
        <source>About Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="184"/>
        <source>&lt;b&gt;Softphone %1&lt;/b&gt;&lt;p&gt;Chat, voice and video calls, and a call record for every call.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::MessageDelegate</name>
    <message>
        <location filename="../ui/message_delegate.cpp" line="39"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/message_delegate.cpp" line="41"/>
        <source>Yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/message_delegate.cpp" line="122"/>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/message_delegate.cpp" line="124"/>
        <source>not sent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="68"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="69"/>
        <source>Ring for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="70"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="71"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="72"/>
        <source>System default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="73"/>
        <source>Leave call records in conversations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="74"/>
        <source>Do not disturb (ring silently, no notifications)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="75"/>
        <source>Accept calls on this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>softphone::ui::TrayIcon</name>
    <message>
        <location filename="../ui/tray_icon.cpp" line="90"/>
        <source>Incoming video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="91"/>
        <source>Incoming voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="101"/>
        <source>Missed video call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="102"/>
        <source>Missed voice call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="103"/>
        <source>%1 — click to call back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="110"/>
        <source>Show Softphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="111"/>
        <source>Do not disturb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="112"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray_icon.cpp" line="113"/>
        <source>Softphone — %n unread</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="114"/>
        <source>Softphone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
