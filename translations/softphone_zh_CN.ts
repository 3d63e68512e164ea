<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallEndText</name>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="13"/>
        <source>Call ended</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="15"/>
        <source>The other side hung up</source>
        <translation>对方已挂断</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="17"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="19"/>
        <source>Declined</source>
        <translation>对方已拒绝</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="21"/>
        <source>You declined</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="23"/>
        <source>Line busy</source>
        <translation>对方忙线</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="25"/>
        <source>No answer</source>
        <translation>对方无应答</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="27"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="29"/>
        <source>Answered on another device</source>
        <translation>已在其他设备接听</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="31"/>
        <source>Declined on another device</source>
        <translation>已在其他设备拒接</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="42"/>
        <source>Call failed: no network path to the other side</source>
        <translation>通话失败：没有通往对方的网络路径</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="44"/>
        <source>Call failed: the relay server refused the connection</source>
        <translation>通话失败：中继服务器拒绝了连接</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="46"/>
        <source>Call failed: the secure connection could not be set up</source>
        <translation>通话失败：无法建立加密连接</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="51"/>
        <source>Call failed</source>
        <translation>通话失败</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="59"/>
        <source>Call failed: you are not connected to the server</source>
        <translation>呼叫失败：您未连接到服务器</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="61"/>
        <source>Call failed: there is no such account</source>
        <translation>呼叫失败：没有这个账号</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="63"/>
        <source>Call failed: you are already in a call</source>
        <translation>呼叫失败：您正在通话中</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="65"/>
        <source>Call failed: you cannot call yourself</source>
        <translation>呼叫失败：不能呼叫自己</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_end_text.cpp" line="67"/>
        <source>Call failed: %1</source>
        <translation>呼叫失败：%1</translation>
    </message>
</context>
<context>
    <name>CallRecordPresenter</name>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="31"/>
        <source>Outgoing video call · %1</source>
        <translation>视频通话（呼出） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="32"/>
        <source>Outgoing voice call · %1</source>
        <translation>语音通话（呼出） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="33"/>
        <source>Incoming video call · %1</source>
        <translation>视频通话（呼入） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="34"/>
        <source>Incoming voice call · %1</source>
        <translation>语音通话（呼入） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="36"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="36"/>
        <location filename="../core/models/call_record_presenter.cpp" line="40"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="38"/>
        <source>Declined</source>
        <translation>对方已拒绝</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="38"/>
        <source>You declined</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="40"/>
        <source>No answer</source>
        <translation>对方无应答</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="42"/>
        <source>Line busy</source>
        <translation>对方忙线</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="42"/>
        <source>Missed call (you were busy)</source>
        <translation>未接来电（忙线中）</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="51"/>
        <source>[Missed video call]</source>
        <translation>[未接视频通话]</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="51"/>
        <source>[Missed voice call]</source>
        <translation>[未接语音通话]</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="52"/>
        <source>[Video call]</source>
        <translation>[视频通话]</translation>
    </message>
    <message>
        <location filename="../core/models/call_record_presenter.cpp" line="52"/>
        <source>[Voice call]</source>
        <translation>[语音通话]</translation>
    </message>
</context>
<context>
    <name>CallStatsText</name>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="10"/>
        <source>Round trip: measuring…</source>
        <translation>往返时延：测量中…</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="11"/>
        <source>Round trip: %1 ms</source>
        <translation>往返时延：%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="12"/>
        <source>Packet loss: %1 %</source>
        <translation>丢包率：%1%</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="13"/>
        <source>Jitter: %1 ms</source>
        <translation>抖动：%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="14"/>
        <source>Receiving %1 kbit/s, sending %2 kbit/s</source>
        <translation>接收 %1 kbit/s，发送 %2 kbit/s</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_stats_text.cpp" line="18"/>
        <source>Video: %1×%2 at %3 fps</source>
        <translation>视频：%1×%2，%3 fps</translation>
    </message>
</context>
<context>
    <name>DeviceChoices</name>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="9"/>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="17"/>
        <source>%1 (not connected)</source>
        <translation>%1（未连接）</translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="56"/>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="58"/>
        <source>Speaker</source>
        <translation>扬声器</translation>
    </message>
    <message>
        <location filename="../ui/settings/device_choices.cpp" line="60"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/cli/main.cpp" line="36"/>
        <source>--%1 takes a number of seconds</source>
        <translation>--%1 需要一个秒数</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="55"/>
        <source>--tone takes a frequency of 20-20000 Hz</source>
        <translation>--tone 需要 20–20000 Hz 之间的频率</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="81"/>
        <source>no command given; see --help</source>
        <translation>未指定命令；请参阅 --help</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="85"/>
        <source>usage: softphone-cli devices</source>
        <translation>用法：softphone-cli devices</translation>
    </message>
    <message>
        <location filename="../core/im/server_list.cpp" line="26"/>
        <source>--server takes ws:// or wss:// URLs, separated by commas</source>
        <translation>--server 需要以逗号分隔的 ws:// 或 wss:// 地址</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="114"/>
        <source>usage: softphone-cli %1</source>
        <translation>用法：softphone-cli %1</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="127"/>
        <source>--user and --password (or --token) are needed for %1</source>
        <translation>%1 需要 --user 和 --password（或 --token）</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="137"/>
        <source>--limit takes a positive number</source>
        <translation>--limit 需要一个正数</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="180"/>
        <source>choose one of --accept, --reject and --ignore</source>
        <translation>请在 --accept、--reject 和 --ignore 中选择一个</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="193"/>
        <source>--count takes a positive number</source>
        <translation>--count 需要一个正数</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="200"/>
        <source>unknown command &quot;%1&quot;; see --help</source>
        <translation>未知命令“%1”；请参阅 --help</translation>
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
        <translation>Softphone 命令行客户端。事件以 JSON 行输出。
命令：
  register ACCID PASSWORD [--name NAME]
  send PEER TEXT
  history PEER [--limit N]
  records PEER [--limit N]
  call PEER [--video] [--hangup-after S] [--cancel-after S] [--timeout S]
  answer [--accept|--reject|--ignore] [--hangup-after S] [--count N]
  devices
除非指定 --no-media、--devices 或 --microphone/--speaker/--camera，通话使用合成设备（测试音、测试图案）传输媒体。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="236"/>
        <source>Server URL; the nodes of a cluster separated by commas, tried in turn.</source>
        <translation>服务器地址；集群的多个节点以逗号分隔，依次尝试。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="241"/>
        <source>Ring timeout of call, in seconds.</source>
        <translation>call 的振铃超时（秒）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="244"/>
        <source>Account to log in as.</source>
        <translation>登录使用的账号。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="245"/>
        <source>Password (or set SOFTPHONE_PASSWORD).</source>
        <translation>密码（或设置 SOFTPHONE_PASSWORD）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="247"/>
        <source>Session token instead of a password.</source>
        <translation>用会话令牌代替密码。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="248"/>
        <source>Directory of the local message stores.</source>
        <translation>本地消息库所在目录。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="250"/>
        <source>Device id (default: one remembered per account).</source>
        <translation>设备 ID（默认：每个账号记住一个）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="252"/>
        <source>Seconds to wait for the server (default 10).</source>
        <translation>等待服务器的秒数（默认 10）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="254"/>
        <source>Seconds an answered call may wait for its media before it fails (default 30).</source>
        <translation>已接通的通话等待媒体连接的秒数，超时即失败（默认 30）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="257"/>
        <source>Display name, for register.</source>
        <translation>显示名称，用于 register。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="258"/>
        <source>How many messages or records (default 50).</source>
        <translation>消息或话单条数（默认 50）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="260"/>
        <source>Place a video call.</source>
        <translation>发起视频通话。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="261"/>
        <source>Hang up S seconds after the call is up.</source>
        <translation>通话接通 S 秒后挂断。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="264"/>
        <source>Cancel S seconds after dialling, if still ringing.</source>
        <translation>拨号 S 秒后若仍在振铃则取消。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="267"/>
        <source>Accept incoming calls (the default).</source>
        <translation>接听来电（默认）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="268"/>
        <source>Decline incoming calls.</source>
        <translation>拒接来电。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="269"/>
        <source>Let incoming calls ring out.</source>
        <translation>来电不接，任其响到结束。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="271"/>
        <source>Incoming calls to handle before exiting (default 1).</source>
        <translation>退出前处理的来电数（默认 1）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="274"/>
        <source>Calls without media: signalling and records only.</source>
        <translation>通话不传媒体：只有信令和话单。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="276"/>
        <source>Frequency of the synthetic microphone&apos;s tone (default 440 Hz for call, 880 Hz for answer).</source>
        <translation>合成麦克风音调的频率（call 默认 440 Hz，answer 默认 880 Hz）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="281"/>
        <source>Use the real microphone, camera and speaker instead.</source>
        <translation>改用真实的麦克风、摄像头和扬声器。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="283"/>
        <source>Microphone for calls, by id (see the devices command).</source>
        <translation>通话使用的麦克风，按 ID 指定（见 devices 命令）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="286"/>
        <source>Speaker for calls, by id (see the devices command).</source>
        <translation>通话使用的扬声器，按 ID 指定（见 devices 命令）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="289"/>
        <source>Camera for calls, by id (see the devices command).</source>
        <translation>通话使用的摄像头，按 ID 指定（见 devices 命令）。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="291"/>
        <source>Log what the client does on stderr.</source>
        <translation>在 stderr 上记录客户端的操作。</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="294"/>
        <source>What to do; see above.</source>
        <translation>要执行的操作；见上文。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="21"/>
        <source>Softphone: chat, voice and video calls.</source>
        <translation>Softphone：聊天、语音和视频通话。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="26"/>
        <source>The server, ws:// or wss://; the nodes of a cluster separated by commas, tried in turn.</source>
        <translation>服务器地址，ws:// 或 wss://；集群的多个节点以逗号分隔，依次尝试。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="29"/>
        <source>The account to sign in with.</source>
        <translation>登录使用的账号。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="32"/>
        <source>Its password (or $SOFTPHONE_PASSWORD); with --user, signs in at once and remembers nothing.</source>
        <translation>账号密码（或 $SOFTPHONE_PASSWORD）；与 --user 一起使用时立即登录，且不记住任何信息。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="36"/>
        <source>Keeps settings, remembered sign-in and messages apart under this name.</source>
        <translation>以此名称单独保存设置、记住的登录和消息。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="40"/>
        <source>The language of the interface: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="43"/>
        <source>Calls send a tone and a test pattern instead of the microphone and camera.</source>
        <translation>通话发送音调和测试图案，而不是麦克风和摄像头。</translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallCommand</name>
    <message>
        <location filename="../app/cli/commands/call_command.cpp" line="16"/>
        <source>cannot place the call</source>
        <translation>无法发起呼叫</translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallSessionCommand</name>
    <message>
        <location filename="../app/cli/commands/call_session_command.cpp" line="16"/>
        <source>the record of a call did not arrive</source>
        <translation>通话的话单没有到达</translation>
    </message>
</context>
<context>
    <name>softphone::cli::CliSession</name>
    <message>
        <location filename="../app/cli/commands/cli_session.cpp" line="18"/>
        <source>cannot reach the server at %1</source>
        <translation>无法连接服务器 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/commands/cli_session.cpp" line="34"/>
        <source>login refused (%1): %2</source>
        <translation>登录被拒绝（%1）：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/commands/cli_session.cpp" line="41"/>
        <source>cannot create the data directory %1</source>
        <translation>无法创建数据目录 %1</translation>
    </message>
</context>
<context>
    <name>softphone::cli::RegisterCommand</name>
    <message>
        <location filename="../app/cli/commands/register_command.cpp" line="29"/>
        <source>cannot reach the server at %1</source>
        <translation>无法连接服务器 %1</translation>
    </message>
    <message>
        <location filename="../app/cli/commands/register_command.cpp" line="30"/>
        <source>cannot reach the server at %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <location filename="../app/cli/commands/register_command.cpp" line="23"/>
        <source>registration refused (%1): %2</source>
        <translation>注册被拒绝（%1）：%2</translation>
    </message>
</context>
<context>
    <name>softphone::cli::SendCommand</name>
    <message>
        <location filename="../app/cli/commands/message_commands.cpp" line="24"/>
        <source>the message could not be stored locally</source>
        <translation>消息无法保存到本地</translation>
    </message>
    <message>
        <location filename="../app/cli/commands/message_commands.cpp" line="40"/>
        <source>the server refused the message (%1): %2</source>
        <translation>服务器拒绝了该消息（%1）：%2</translation>
    </message>
</context>
<context>
    <name>softphone::im::AccountRegistrar</name>
    <message>
        <location filename="../core/im/account_registrar.cpp" line="15"/>
        <source>no answer from the server</source>
        <translation>服务器无响应</translation>
    </message>
</context>
<context>
    <name>softphone::im::WsImClient</name>
    <message>
        <location filename="../core/im/im_client.cpp" line="90"/>
        <source>The local message store cannot be opened.</source>
        <translation>无法打开本地消息库。</translation>
    </message>
</context>
<context>
    <name>softphone::media::DeviceCatalog</name>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="76"/>
        <source>Test tone (440 Hz)</source>
        <translation>测试音（440 Hz）</translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="79"/>
        <source>Test tone (880 Hz)</source>
        <translation>测试音（880 Hz）</translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="81"/>
        <source>Silence</source>
        <translation>静音输入</translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="84"/>
        <source>No sound</source>
        <translation>不播放声音</translation>
    </message>
    <message>
        <location filename="../core/media/devices/device_catalog.cpp" line="88"/>
        <source>Test pattern</source>
        <translation>测试图案</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallLogView</name>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="52"/>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="54"/>
        <source>Message</source>
        <translation>发消息</translation>
    </message>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="67"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/lists/call_log_view.cpp" line="68"/>
        <source>Missed</source>
        <translation>未接</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallNotifications</name>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="44"/>
        <source>Incoming video call</source>
        <translation>视频来电</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="44"/>
        <source>Incoming voice call</source>
        <translation>语音来电</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="57"/>
        <source>Missed video call</source>
        <translation>未接视频通话</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="57"/>
        <source>Missed voice call</source>
        <translation>未接语音通话</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_notifications.cpp" line="59"/>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallSounds</name>
    <message>
        <location filename="../ui/calls/call_sounds.cpp" line="19"/>
        <source>Rising</source>
        <translation>上扬</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_sounds.cpp" line="20"/>
        <source>Chime</source>
        <translation>钟声</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_sounds.cpp" line="21"/>
        <source>Pulse</source>
        <translation>脉冲</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallWindow</name>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="267"/>
        <source>%1 is offline; it rings if they sign in</source>
        <translation>%1 不在线；对方登录后将响铃</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="269"/>
        <source>Ringing…</source>
        <translation>对方响铃中…</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="269"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="280"/>
        <source>Incoming call…</source>
        <translation>来电…</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="284"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="286"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="350"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="350"/>
        <source>Call with %1</source>
        <translation>与 %1 通话</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="386"/>
        <source>Voice call</source>
        <translation>语音通话</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="387"/>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="392"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="393"/>
        <location filename="../ui/calls/call_window.cpp" line="400"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="394"/>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="395"/>
        <source>Hang up (Ctrl+Shift+H)</source>
        <translation>挂断（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="396"/>
        <source>Call again</source>
        <translation>再次呼叫</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="397"/>
        <source>Small window on top, to chat during the call</source>
        <translation>置顶小窗，通话时也能聊天</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="398"/>
        <source>Small window on top</source>
        <translation>置顶小窗</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="399"/>
        <source>Microphone and speaker</source>
        <translation>麦克风和扬声器</translation>
    </message>
    <message>
        <location filename="../ui/calls/call_window.cpp" line="401"/>
        <source>Your camera</source>
        <translation>本地画面</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CameraPreview</name>
    <message>
        <location filename="../ui/settings/camera_preview.cpp" line="69"/>
        <source>No camera</source>
        <translation>无摄像头</translation>
    </message>
    <message>
        <location filename="../ui/settings/camera_preview.cpp" line="80"/>
        <source>The camera is not connected</source>
        <translation>摄像头未连接</translation>
    </message>
    <message>
        <location filename="../ui/settings/camera_preview.cpp" line="92"/>
        <source>The camera cannot be opened: %1</source>
        <translation>无法打开摄像头：%1</translation>
    </message>
</context>
<context>
    <name>softphone::ui::ChatView</name>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="121"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="125"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="125"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="130"/>
        <source>Voice call</source>
        <translation>语音通话</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="131"/>
        <source>Video call</source>
        <translation>视频通话</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="132"/>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="133"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="192"/>
        <source>Video call back</source>
        <translation>视频回拨</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="192"/>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="195"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/chat/chat_view.cpp" line="196"/>
        <source>Delete (on this device)</source>
        <translation>删除（仅本设备）</translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConnectionStatusLabel</name>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="23"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="25"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="27"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/shell/connection_status_label.cpp" line="30"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/shell/connection_status_label.cpp" line="31"/>
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>%n 秒后重新连接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>softphone::ui::ContactsView</name>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="140"/>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="141"/>
        <source>Remove %1 from your contacts? Your conversation with them stays.</source>
        <translation>确定要删除联系人 %1 吗？与对方的会话会保留。</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="143"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="168"/>
        <source>There is no account with that id.</source>
        <translation>没有该账号。</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="170"/>
        <source>Could not remove the contact: %1</source>
        <translation>无法删除联系人：%1</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="172"/>
        <source>Could not add the contact: %1</source>
        <translation>无法添加联系人：%1</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="186"/>
        <source>Add a contact by account id</source>
        <translation>按账号添加联系人</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="187"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="188"/>
        <source>Message</source>
        <translation>发消息</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="189"/>
        <source>Call</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="190"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../ui/lists/contacts_view.cpp" line="191"/>
        <source>Remove contact…</source>
        <translation>删除联系人…</translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConversationDelegate</name>
    <message>
        <location filename="../ui/lists/conversation_delegate.cpp" line="26"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CredentialStore</name>
    <message>
        <location filename="../ui/shell/credential_store.cpp" line="81"/>
        <location filename="../ui/shell/credential_store.cpp" line="88"/>
        <source>this build has no keychain support</source>
        <translation>此版本不支持系统钥匙串</translation>
    </message>
</context>
<context>
    <name>softphone::ui::DesktopApp</name>
    <message>
        <location filename="../ui/shell/desktop_app.cpp" line="264"/>
        <source>Calls will not work</source>
        <translation>无法通话</translation>
    </message>
    <message>
        <location filename="../ui/shell/desktop_app.cpp" line="265"/>
        <source>Calls need GStreamer plugins that are not installed here; chat works without them.

%1</source>
        <translation>通话需要的 GStreamer 插件在本机没有安装；聊天不受影响。

%1</translation>
    </message>
</context>
<context>
    <name>softphone::ui::DeviceComboBox</name>
    <message>
        <location filename="../ui/settings/device_combo_box.cpp" line="59"/>
        <source>Not connected: calls use the system default until it is back</source>
        <translation>未连接：设备重新连接前，通话将使用系统默认设备</translation>
    </message>
</context>
<context>
    <name>softphone::ui::DevicesPage</name>
    <message>
        <location filename="../ui/settings/devices_page.cpp" line="124"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../ui/settings/devices_page.cpp" line="125"/>
        <source>Play a short tone on this speaker</source>
        <translation>用此扬声器播放一段简短的测试音</translation>
    </message>
    <message>
        <location filename="../ui/settings/devices_page.cpp" line="126"/>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
</context>
<context>
    <name>softphone::ui::IncomingCallWindow</name>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="91"/>
        <source>Incoming video call</source>
        <translation>视频来电</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="92"/>
        <source>Incoming voice call</source>
        <translation>语音来电</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="113"/>
        <source>Call from %1</source>
        <translation>%1 来电</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="133"/>
        <source>Accept</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="134"/>
        <source>Accept (Ctrl+Shift+A)</source>
        <translation>接听（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="135"/>
        <source>Accept with video</source>
        <translation>视频接听</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="136"/>
        <source>Accept with video (Ctrl+Shift+V)</source>
        <translation>视频接听（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="137"/>
        <source>Decline</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../ui/calls/incoming_call_window.cpp" line="138"/>
        <source>Decline (Ctrl+Shift+D)</source>
        <translation>拒接（Ctrl+Shift+D）</translation>
    </message>
</context>
<context>
    <name>softphone::ui::LoginDialog</name>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="157"/>
        <source>The server address must start with ws:// or wss://, for example ws://127.0.0.1:8600. The nodes of a cluster are separated by commas.</source>
        <translation>服务器地址必须以 ws:// 或 wss:// 开头，例如 ws://127.0.0.1:8600。集群的多个节点以逗号分隔。</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="163"/>
        <source>Enter your account id.</source>
        <translation>请输入账号。</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="168"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="177"/>
        <source>Sign in — Softphone</source>
        <translation>登录 — Softphone</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="178"/>
        <source>Sign in to Softphone</source>
        <translation>登录 Softphone</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="179"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="180"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="181"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="182"/>
        <source>Remember me on this computer</source>
        <translation>在这台电脑上记住我</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="184"/>
        <source>Your sign-in cannot be remembered: the system keychain is unavailable (%1).</source>
        <translation>无法记住登录：系统钥匙串不可用（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="187"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../ui/shell/login_dialog.cpp" line="188"/>
        <source>Register</source>
        <translation>注册</translation>
    </message>
</context>
<context>
    <name>softphone::ui::MainWindow</name>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="170"/>
        <source>The call could not be placed.</source>
        <translation>无法发起呼叫。</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="187"/>
        <source>Softphone — %1</source>
        <translation>Softphone — %1</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="190"/>
        <source>Calls (%1)</source>
        <translation>通话（%1）</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="190"/>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="195"/>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="196"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="197"/>
        <source>Choose a conversation, or a contact to write to or call.</source>
        <translation>选择一个会话，或选择联系人发消息或通话。</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="198"/>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="199"/>
        <source>Do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="200"/>
        <source>&amp;Softphone</source>
        <translation>Softphone(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="201"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="202"/>
        <source>&amp;Do not disturb</source>
        <translation>勿扰(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="203"/>
        <source>&amp;Accept calls on this device</source>
        <translation>在此设备上接听来电(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="204"/>
        <source>A&amp;bout Softphone</source>
        <translation>关于 Softphone(&amp;B)</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="205"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="206"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="214"/>
        <source>About Softphone</source>
        <translation>关于 Softphone</translation>
    </message>
    <message>
        <location filename="../ui/shell/main_window.cpp" line="215"/>
        <source>&lt;b&gt;Softphone %1&lt;/b&gt;&lt;p&gt;Chat, voice and video calls, and a call record for every call.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</source>
        <translation>&lt;b&gt;Softphone %1&lt;/b&gt;&lt;p&gt;聊天、语音和视频通话，每次通话都有话单。&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>softphone::ui::MessageDelegate</name>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="44"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="46"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="144"/>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="146"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="148"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="150"/>
        <source>Read</source>
        <translation>已读</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="152"/>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="165"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../ui/chat/message_delegate.cpp" line="167"/>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>softphone::ui::MicrophoneMonitor</name>
    <message>
        <location filename="../ui/settings/microphone_monitor.cpp" line="68"/>
        <source>The microphone is not connected.</source>
        <translation>麦克风未连接。</translation>
    </message>
    <message>
        <location filename="../ui/settings/microphone_monitor.cpp" line="76"/>
        <source>The microphone cannot be opened.</source>
        <translation>无法打开麦克风。</translation>
    </message>
</context>
<context>
    <name>softphone::ui::MiniCallWindow</name>
    <message>
        <location filename="../ui/calls/mini_call_window.cpp" line="101"/>
        <source>Full window</source>
        <translation>完整窗口</translation>
    </message>
    <message>
        <location filename="../ui/calls/mini_call_window.cpp" line="102"/>
        <source>Back to the call window</source>
        <translation>回到通话窗口</translation>
    </message>
    <message>
        <location filename="../ui/calls/mini_call_window.cpp" line="103"/>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
</context>
<context>
    <name>softphone::ui::QualityBars</name>
    <message>
        <location filename="../ui/calls/quality_bars.cpp" line="57"/>
        <source>Call quality: %1 of %2</source>
        <translation>通话质量：%1/%2</translation>
    </message>
</context>
<context>
    <name>softphone::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="103"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="104"/>
        <source>General</source>
        <translation>通用</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="106"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="107"/>
        <source>Ringtone</source>
        <translation>铃声</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="109"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="142"/>
        <source>Play</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="110"/>
        <location filename="../ui/settings/settings_dialog.cpp" line="139"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="111"/>
        <source>Ring for</source>
        <translation>响铃时长</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="112"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="113"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="114"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="115"/>
        <source>Leave call records in conversations</source>
        <translation>在会话中保留话单</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="116"/>
        <source>Do not disturb (calls ring out unseen and are left as missed)</source>
        <translation>勿扰模式（来电不提醒，响铃结束后记为未接来电）</translation>
    </message>
    <message>
        <location filename="../ui/settings/settings_dialog.cpp" line="117"/>
        <source>Accept calls on this device</source>
        <translation>在此设备上接听来电</translation>
    </message>
</context>
<context>
    <name>softphone::ui::SignInFlow</name>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="26"/>
        <source>That account id is taken. Choose another one.</source>
        <translation>该账号已被占用，请换一个。</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="28"/>
        <source>This server does not let you register; ask its operator for an account.</source>
        <translation>该服务器不开放注册，请向管理员申请账号。</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="31"/>
        <source>Registration refused: %1</source>
        <translation>注册被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="41"/>
        <location filename="../ui/shell/sign_in_flow.cpp" line="161"/>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation>无法连接服务器 %1。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="52"/>
        <source>this build has no keychain support</source>
        <translation>此版本不支持系统钥匙串</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="55"/>
        <source>no D-Bus session for the Secret Service</source>
        <translation>没有可供 Secret Service 使用的 D-Bus 会话</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="122"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="144"/>
        <source>Creating the account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="171"/>
        <source>Wrong account or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="174"/>
        <source>Your saved sign-in has expired. Enter your password.</source>
        <translation>保存的登录已过期，请输入密码。</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="176"/>
        <source>This server speaks another version of the protocol. Update the app.</source>
        <translation>服务器使用其他版本的协议，请更新应用。</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="178"/>
        <source>Sign-in refused: %1</source>
        <translation>登录被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="183"/>
        <source>You were signed out. %1</source>
        <translation>你已被登出。%1</translation>
    </message>
    <message>
        <location filename="../ui/shell/sign_in_flow.cpp" line="194"/>
        <source>Your sign-in is not remembered: the system keychain is unavailable (%1).</source>
        <translation>未能记住登录：系统钥匙串不可用（%1）。</translation>
    </message>
</context>
<context>
    <name>softphone::ui::SpeakerTest</name>
    <message>
        <location filename="../ui/settings/speaker_test.cpp" line="42"/>
        <source>The speaker is not connected.</source>
        <translation>扬声器未连接。</translation>
    </message>
    <message>
        <location filename="../ui/settings/speaker_test.cpp" line="48"/>
        <source>The speaker cannot play the test tone.</source>
        <translation>扬声器无法播放测试音。</translation>
    </message>
</context>
<context>
    <name>softphone::ui::TrayIcon</name>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="111"/>
        <source>%1
Click: %2</source>
        <translation>%1
点击%2</translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="141"/>
        <source>Show Softphone</source>
        <translation>显示 Softphone</translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="142"/>
        <source>Do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="143"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/shell/tray_icon.cpp" line="145"/>
        <source>Softphone — %n unread</source>
        <translation>
            <numerusform>Softphone — %n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/shell/tray_icon.cpp" line="146"/>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
</context>
</TS>
