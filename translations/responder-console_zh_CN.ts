<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionIndicator</name>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Offline · reconnecting in %1 s</source>
        <translation>离线 · %1 秒后重新连接</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出登录</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>ConsoleRoot</name>
    <message>
        <source>The system keychain is not available: nothing is remembered, and you will be asked to sign in again next time.</source>
        <translation>系统钥匙串不可用：不会保存任何登录信息，下次启动时需要重新登录。</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to continue.</source>
        <translation>登录会话已结束，请重新登录后继续。</translation>
    </message>
    <message>
        <source>Your session has ended. Cached consultations stay readable; sign in again to continue.</source>
        <translation>登录会话已结束。已缓存的咨询仍可查看；重新登录后可继续办理。</translation>
    </message>
    <message>
        <source>The account&apos;s files cannot be opened: %1</source>
        <translation>无法打开该账号的本地文件：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Responder Console</source>
        <translation>代表委员咨询应答台</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账号(&amp;A)</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>同步</translation>
    </message>
    <message>
        <source>Updating %1… %2 records</source>
        <translation>正在更新%1… 已获取 %2 条</translation>
    </message>
    <message>
        <source>Cache up to date</source>
        <translation>本地缓存已是最新</translation>
    </message>
    <message>
        <source>The local cache was damaged and has been set aside; a fresh copy is being fetched. Unsent replies are safe.</source>
        <translation>本地缓存已损坏并已移至一旁，正在重新获取；未发送的答复不受影响。</translation>
    </message>
    <message>
        <source>The local cache could not be updated; it will be tried again.</source>
        <translation>本地缓存暂时无法更新，稍后将自动重试。</translation>
    </message>
    <message>
        <source>Responder Console — %1</source>
        <translation>代表委员咨询应答台 — %1</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>已登录：%1（服务器 %2）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>colleagues</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>consultations</source>
        <translation>咨询</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>representatives</source>
        <translation>代表委员</translation>
    </message>
    <message>
        <source>proposals</source>
        <translation>建议提案</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>&amp;Sign in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remember my password on this computer</source>
        <translation>在本机记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Sign in · Responder Console</source>
        <translation>登录 · 代表委员咨询应答台</translation>
    </message>
    <message>
        <source>Online consultation with deputies and CPPCC members</source>
        <translation>人大代表、政协委员在线咨询</translation>
    </message>
    <message>
        <source>e.g. ws://10.0.0.5:8765 (several: separate with commas)</source>
        <translation>例如 ws://10.0.0.5:8765（多个地址用逗号分隔）</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>e.g. jw.2</source>
        <translation>例如 jw.2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Remember my password on this computer</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain, never in a file. Leave this off on a shared computer.</source>
        <translation>密码保存在系统钥匙串中，不写入任何文件。公用电脑请勿勾选。</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>登录问题</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Enter the server address, for example ws://10.0.0.5:8765.</source>
        <translation>请输入服务器地址，例如 ws://10.0.0.5:8765。</translation>
    </message>
    <message>
        <source>“%1” is not a server address. Use ws://host:port or wss://host:port.</source>
        <translation>“%1”不是有效的服务器地址，请使用 ws://主机:端口 或 wss://主机:端口。</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>The user name or the password is wrong.</source>
        <translation>用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the address and the network connection, then try again.</source>
        <translation>无法连接服务器。请检查地址和网络连接后重试。</translation>
    </message>
    <message>
        <source>This console and the server use different protocol versions. Ask your administrator to update the console.</source>
        <translation>本应答台与服务器的协议版本不一致，请联系管理员升级应答台。</translation>
    </message>
    <message>
        <source>Too many failed attempts for this account. Try again in %1 s.</source>
        <translation>该账号登录失败次数过多，请 %1 秒后再试。</translation>
    </message>
    <message>
        <source>The server could not sign you in (%1). Try again shortly.</source>
        <translation>服务器暂时无法完成登录（%1），请稍后重试。</translation>
    </message>
</context>
</TS>
