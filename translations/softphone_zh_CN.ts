<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CallRecordPresenter</name>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="29"/>
        <source>Outgoing video call · %1</source>
        <translation>视频通话（呼出） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="30"/>
        <source>Outgoing voice call · %1</source>
        <translation>语音通话（呼出） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="31"/>
        <source>Incoming video call · %1</source>
        <translation>视频通话（呼入） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="32"/>
        <source>Incoming voice call · %1</source>
        <translation>语音通话（呼入） · 通话时长 %1</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="34"/>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>Declined</source>
        <translation>对方已拒绝</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="36"/>
        <source>You declined</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="38"/>
        <source>No answer</source>
        <translation>对方无应答</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="40"/>
        <source>Line busy</source>
        <translation>对方忙线</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="40"/>
        <source>Missed call (you were busy)</source>
        <translation>未接来电（忙线中）</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="49"/>
        <source>[Missed video call]</source>
        <translation>[未接视频通话]</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="49"/>
        <source>[Missed voice call]</source>
        <translation>[未接语音通话]</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="50"/>
        <source>[Video call]</source>
        <translation>[视频通话]</translation>
    </message>
    <message>
        <location filename="../core/records/call_record_presenter.cpp" line="50"/>
        <source>[Voice call]</source>
        <translation>[语音通话]</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/cli/main.cpp" line="34"/>
        <source>--%1 takes a number of seconds</source>
        <translation>--%1 需要一个秒数</translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="160"/>
        <source>Softphone command-line client. Events are printed as JSON lines.
Commands:
  register ACCID PASSWORD
  send PEER TEXT
  history PEER [--limit N]
  records PEER [--limit N]
  call PEER [--video] [--hangup-after S] [--cancel-after S] [--timeout S]
  answer [--accept|--reject|--ignore] [--hangup-after S] [--count N]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="202"/>
        <source>What to do; see above.</source>
        <translation>要执行的操作；见上文。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="18"/>
        <source>Softphone: chat, voice and video calls.</source>
        <translation>Softphone：聊天、语音和视频通话。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="22"/>
        <source>The server, ws:// or wss://.</source>
        <translation>服务器地址，ws:// 或 wss://。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="24"/>
        <source>The account to sign in with.</source>
        <translation>登录使用的账号。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="27"/>
        <source>Its password (or $SOFTPHONE_PASSWORD); with --user, signs in at once and remembers nothing.</source>
        <translation>账号密码（或 $SOFTPHONE_PASSWORD）；与 --user 一起使用时立即登录，且不记住任何信息。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="31"/>
        <source>Keeps settings, remembered sign-in and messages apart under this name.</source>
        <translation>以此名称单独保存设置、记住的登录和消息。</translation>
    </message>
    <message>
        <location filename="../app/desktop/main.cpp" line="35"/>
        <source>The language of the interface: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
</context>
<context>
    <name>softphone::cli::AnswerCommand</name>
    <message>
        <location filename="../core/cli/answer_command.cpp" line="33"/>
        <source>a call&apos;s record did not arrive</source>
        <translation>未收到通话的话单</translation>
    </message>
</context>
<context>
    <name>softphone::cli::CallCommand</name>
    <message>
        <location filename="../core/cli/call_command.cpp" line="25"/>
        <source>cannot place the call</source>
        <translation>无法发起呼叫</translation>
    </message>
    <message>
        <location filename="../core/cli/call_command.cpp" line="37"/>
        <source>the call&apos;s record did not arrive</source>
        <translation>未收到本次通话的话单</translation>
    </message>
</context>
<context>
    <name>softphone::cli::CliSession</name>
    <message>
        <location filename="../core/cli/cli_session.cpp" line="18"/>
        <source>cannot reach the server at %1</source>
        <translation>无法连接服务器 %1</translation>
    </message>
    <message>
        <location filename="../core/cli/cli_session.cpp" line="34"/>
        <source>login refused (%1): %2</source>
        <translation>登录被拒绝（%1）：%2</translation>
    </message>
    <message>
        <location filename="../core/cli/cli_session.cpp" line="41"/>
        <source>cannot create the data directory %1</source>
        <translation>无法创建数据目录 %1</translation>
    </message>
</context>
<context>
    <name>softphone::cli::RegisterCommand</name>
    <message>
        <location filename="../core/cli/register_command.cpp" line="20"/>
        <source>cannot reach the server at %1</source>
        <translation>无法连接服务器 %1</translation>
    </message>
    <message>
        <location filename="../core/cli/register_command.cpp" line="26"/>
        <source>cannot reach the server at %1: %2</source>
        <translation>无法连接服务器 %1：%2</translation>
    </message>
    <message>
        <location filename="../core/cli/register_command.cpp" line="38"/>
        <source>registration refused (%1): %2</source>
        <translation>注册被拒绝（%1）：%2</translation>
    </message>
</context>
<context>
    <name>softphone::cli::SendCommand</name>
    <message>
        <location filename="../core/cli/message_commands.cpp" line="24"/>
        <source>the message could not be stored locally</source>
        <translation>消息无法保存到本地</translation>
    </message>
    <message>
        <location filename="../core/cli/message_commands.cpp" line="40"/>
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
        <location filename="../core/im/im_client.cpp" line="83"/>
        <source>The local message store cannot be opened.</source>
        <translation>无法打开本地消息库。</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallLogView</name>
    <message>
        <location filename="../ui/call_log_view.cpp" line="47"/>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../ui/call_log_view.cpp" line="49"/>
        <source>Message</source>
        <translation>发消息</translation>
    </message>
    <message>
        <location filename="../ui/call_log_view.cpp" line="62"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../ui/call_log_view.cpp" line="63"/>
        <source>Missed</source>
        <translation>未接</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CallWindow</name>
    <message>
        <location filename="../ui/call_window.cpp" line="126"/>
        <source>Call ended</source>
        <translation>通话已结束</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="128"/>
        <source>The other side hung up</source>
        <translation>对方已挂断</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="130"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="132"/>
        <source>Declined</source>
        <translation>对方已拒绝</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="134"/>
        <source>You declined</source>
        <translation>已拒接</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="136"/>
        <source>Line busy</source>
        <translation>对方忙线</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="138"/>
        <source>No answer</source>
        <translation>对方无应答</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="140"/>
        <source>Missed call</source>
        <translation>未接来电</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="142"/>
        <source>Answered on another device</source>
        <translation>已在其他设备接听</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="144"/>
        <source>Declined on another device</source>
        <translation>已在其他设备拒接</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="146"/>
        <source>Call failed</source>
        <translation>通话失败</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="157"/>
        <source>Ringing…</source>
        <translation>对方响铃中…</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="157"/>
        <source>Calling…</source>
        <translation>正在呼叫…</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="159"/>
        <source>Incoming call…</source>
        <translation>来电…</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="161"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="191"/>
        <source>Call</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="191"/>
        <source>Call with %1</source>
        <translation>与 %1 通话</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="210"/>
        <source>Mute</source>
        <translation>静音</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="211"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="212"/>
        <source>Hang up</source>
        <translation>挂断</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="213"/>
        <source>Hang up (Ctrl+Shift+H)</source>
        <translation>挂断（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="214"/>
        <source>Remote video</source>
        <translation>对方视频</translation>
    </message>
    <message>
        <location filename="../ui/call_window.cpp" line="215"/>
        <source>Your camera</source>
        <translation>本地画面</translation>
    </message>
</context>
<context>
    <name>softphone::ui::ChatView</name>
    <message>
        <location filename="../ui/chat_view.cpp" line="116"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="116"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="121"/>
        <source>Voice call</source>
        <translation>语音通话</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="122"/>
        <source>Video call</source>
        <translation>视频通话</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="123"/>
        <source>Write a message…</source>
        <translation>输入消息…</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="124"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="183"/>
        <source>Video call back</source>
        <translation>视频回拨</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="183"/>
        <source>Call back</source>
        <translation>回拨</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="186"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../ui/chat_view.cpp" line="187"/>
        <source>Delete (on this device)</source>
        <translation>删除（仅本设备）</translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConnectionStatusLabel</name>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="23"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="25"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="27"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/connection_status_label.cpp" line="30"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/connection_status_label.cpp" line="31"/>
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>%n 秒后重新连接</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>softphone::ui::ContactsView</name>
    <message>
        <location filename="../ui/contacts_view.cpp" line="58"/>
        <source>There is no account with that id.</source>
        <translation>没有该账号。</translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="59"/>
        <source>Could not add the contact: %1</source>
        <translation>无法添加联系人：%1</translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="113"/>
        <source>Add a contact by account id</source>
        <translation>按账号添加联系人</translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="114"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="115"/>
        <source>Message</source>
        <translation>发消息</translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="116"/>
        <source>Call</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../ui/contacts_view.cpp" line="117"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
</context>
<context>
    <name>softphone::ui::ConversationDelegate</name>
    <message>
        <location filename="../ui/conversation_delegate.cpp" line="25"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
</context>
<context>
    <name>softphone::ui::CredentialStore</name>
    <message>
        <location filename="../ui/credential_store.cpp" line="81"/>
        <location filename="../ui/credential_store.cpp" line="88"/>
        <source>this build has no keychain support</source>
        <translation>此版本不支持系统钥匙串</translation>
    </message>
</context>
<context>
    <name>softphone::ui::DesktopApp</name>
    <message>
        <location filename="../ui/desktop_app.cpp" line="34"/>
        <source>That account id is taken. Choose another one.</source>
        <translation>该账号已被占用，请换一个。</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="36"/>
        <source>This server does not let you register; ask its operator for an account.</source>
        <translation>该服务器不开放注册，请向管理员申请账号。</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="39"/>
        <source>Registration refused: %1</source>
        <translation>注册被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="43"/>
        <location filename="../ui/desktop_app.cpp" line="170"/>
        <source>Cannot reach the server at %1. Check the address and that the server is running.</source>
        <translation>无法连接服务器 %1。请检查地址，并确认服务器正在运行。</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="57"/>
        <source>this build has no keychain support</source>
        <translation>此版本不支持系统钥匙串</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="60"/>
        <source>no D-Bus session for the Secret Service</source>
        <translation>没有可供 Secret Service 使用的 D-Bus 会话</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="136"/>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="155"/>
        <source>Creating the account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="180"/>
        <source>Wrong account or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="183"/>
        <source>Your saved sign-in has expired. Enter your password.</source>
        <translation>保存的登录已过期，请输入密码。</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="185"/>
        <source>This server speaks another version of the protocol. Update the app.</source>
        <translation>服务器使用其他版本的协议，请更新应用。</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="187"/>
        <source>Sign-in refused: %1</source>
        <translation>登录被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="192"/>
        <source>You were signed out. %1</source>
        <translation>你已被登出。%1</translation>
    </message>
    <message>
        <location filename="../ui/desktop_app.cpp" line="252"/>
        <source>Your sign-in is not remembered: the system keychain is unavailable (%1).</source>
        <translation>未能记住登录：系统钥匙串不可用（%1）。</translation>
    </message>
</context>
<context>
    <name>softphone::ui::IncomingCallWindow</name>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="87"/>
        <source>Incoming video call</source>
        <translation>视频来电</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="88"/>
        <source>Incoming voice call</source>
        <translation>语音来电</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="108"/>
        <source>Call from %1</source>
        <translation>%1 来电</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="128"/>
        <source>Accept</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="129"/>
        <source>Accept (Ctrl+Shift+A)</source>
        <translation>接听（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="130"/>
        <source>Accept with video</source>
        <translation>视频接听</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="131"/>
        <source>Accept with video (Ctrl+Shift+V)</source>
        <translation>视频接听（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="132"/>
        <source>Decline</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../ui/incoming_call_window.cpp" line="133"/>
        <source>Decline (Ctrl+Shift+D)</source>
        <translation>拒接（Ctrl+Shift+D）</translation>
    </message>
</context>
<context>
    <name>softphone::ui::LoginDialog</name>
    <message>
        <location filename="../ui/login_dialog.cpp" line="157"/>
        <source>The server address must start with ws:// or wss://, for example ws://127.0.0.1:8600.</source>
        <translation>服务器地址必须以 ws:// 或 wss:// 开头，例如 ws://127.0.0.1:8600。</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="163"/>
        <source>Enter your account id.</source>
        <translation>请输入账号。</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="168"/>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="177"/>
        <source>Sign in — Softphone</source>
        <translation>登录 — Softphone</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="178"/>
        <source>Sign in to Softphone</source>
        <translation>登录 Softphone</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="179"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="180"/>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="181"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="182"/>
        <source>Remember me on this computer</source>
        <translation>在这台电脑上记住我</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="184"/>
        <source>Your sign-in cannot be remembered: the system keychain is unavailable (%1).</source>
        <translation>无法记住登录：系统钥匙串不可用（%1）。</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="187"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../ui/login_dialog.cpp" line="188"/>
        <source>Register</source>
        <translation>注册</translation>
    </message>
</context>
<context>
    <name>softphone::ui::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="130"/>
        <source>The call could not be placed.</source>
        <translation>无法发起呼叫。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="147"/>
        <source>Softphone — %1</source>
        <translation>Softphone — %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>Calls (%1)</source>
        <translation>通话（%1）</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="150"/>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="155"/>
        <source>Chats</source>
        <translation>会话</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="156"/>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="157"/>
        <source>Choose a conversation, or a contact to write to or call.</source>
        <translation>选择一个会话，或选择联系人发消息或通话。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="158"/>
        <source>Signed in as %1</source>
        <translation>已登录：%1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>Do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="160"/>
        <source>&amp;Softphone</source>
        <translation>Softphone(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="161"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="162"/>
        <source>&amp;Do not disturb</source>
        <translation>勿扰(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="163"/>
        <source>&amp;Accept calls on this device</source>
        <translation>在此设备上接听来电(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="164"/>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="165"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>softphone::ui::MessageDelegate</name>
    <message>
        <location filename="../ui/message_delegate.cpp" line="39"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../ui/message_delegate.cpp" line="41"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../ui/message_delegate.cpp" line="122"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../ui/message_delegate.cpp" line="124"/>
        <source>not sent</source>
        <translation>未发送</translation>
    </message>
</context>
<context>
    <name>softphone::ui::SettingsDialog</name>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="68"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="69"/>
        <source>Ring for</source>
        <translation>响铃时长</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="70"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="71"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="72"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="73"/>
        <source>Leave call records in conversations</source>
        <translation>在会话中保留话单</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="74"/>
        <source>Do not disturb (ring silently, no notifications)</source>
        <translation>勿扰（静音响铃，不弹通知）</translation>
    </message>
    <message>
        <location filename="../ui/settings_dialog.cpp" line="75"/>
        <source>Accept calls on this device</source>
        <translation>在此设备上接听来电</translation>
    </message>
</context>
<context>
    <name>softphone::ui::TrayIcon</name>
    <message>
        <location filename="../ui/tray_icon.cpp" line="90"/>
        <source>Incoming video call</source>
        <translation>视频来电</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="91"/>
        <source>Incoming voice call</source>
        <translation>语音来电</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="101"/>
        <source>Missed video call</source>
        <translation>未接视频通话</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="102"/>
        <source>Missed voice call</source>
        <translation>未接语音通话</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="103"/>
        <source>%1 — click to call back</source>
        <translation>%1 — 点击回拨</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="110"/>
        <source>Show Softphone</source>
        <translation>显示 Softphone</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="111"/>
        <source>Do not disturb</source>
        <translation>勿扰</translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="112"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/tray_icon.cpp" line="113"/>
        <source>Softphone — %n unread</source>
        <translation>
            <numerusform>Softphone — %n 条未读</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/tray_icon.cpp" line="114"/>
        <source>Softphone</source>
        <translation>Softphone</translation>
    </message>
</context>
</TS>
