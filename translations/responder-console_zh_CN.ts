<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertCenter</name>
    <message>
        <source>Responder Console</source>
        <translation>代表委员咨询应答台</translation>
    </message>
    <message>
        <source>Responder Console: %1 waiting or unread</source>
        <translation>代表委员咨询应答台：%1 条待认领或未读</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>新咨询</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>语音消息</translation>
    </message>
    <message>
        <source>New message from %1</source>
        <translation>%1 发来新消息</translation>
    </message>
</context>
<context>
    <name>CacheReader</name>
    <message>
        <source>[voice]</source>
        <translation>[语音]</translation>
    </message>
</context>
<context>
    <name>CacheRows</name>
    <message>
        <source>No speech was recognised in this recording.</source>
        <translation>这段录音中没有识别出语音。</translation>
    </message>
    <message>
        <source>The server could not turn this recording into text.</source>
        <translation>服务器未能将这段录音转成文字。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save these numbers as a CSV file</source>
        <translation>将这些数字另存为 CSV 文件</translation>
    </message>
    <message>
        <source>Save %1 as CSV</source>
        <translation>将“%1”另存为 CSV</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>Show the numbers behind the chart</source>
        <translation>查看图表背后的数字</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>No data for this range</source>
        <translation>该时间范围内没有数据</translation>
    </message>
</context>
<context>
    <name>CloseDialog</name>
    <message>
        <source>Close consultation</source>
        <translation>结束咨询</translation>
    </message>
    <message>
        <source>&amp;Summary of the answer (kept in the record):</source>
        <translation>答复摘要（存入办理记录）(&amp;S)：</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>答复摘要</translation>
    </message>
    <message>
        <source>C&amp;lose consultation</source>
        <translation>结束咨询(&amp;L)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
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
    <message>
        <source>The system keychain did not keep your password: you will be asked to sign in again next time.</source>
        <translation>系统密钥环未能保存您的密码，下次启动时需要重新登录。</translation>
    </message>
    <message>
        <source>The transcription service&apos;s key could not be kept: %1</source>
        <translation>未能保存转写服务的密钥：%1</translation>
    </message>
    <message>
        <source>Only %1 can sign in again here. To hand the desk over, sign in as %1 and sign out.</source>
        <translation>此处只能由 %1 重新登录。如需交接工作台，请以 %1 登录后退出登录。</translation>
    </message>
</context>
<context>
    <name>ConsultationDelegate</name>
    <message>
        <source>NPC deputy</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>Being answered</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>[Draft]</source>
        <translation>[草稿]</translation>
    </message>
</context>
<context>
    <name>ConsultationExport</name>
    <message>
        <source>waiting</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>being answered</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>NPC deputy</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <source>CPPCC member</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <source>Online consultation record No. %1</source>
        <translation>在线咨询办理记录 第 %1 号</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表委员</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Responder</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>答复摘要</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>%1 of 5</source>
        <translation>%1/5</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>未评价</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>对话记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>The cache cannot be read.</source>
        <translation>无法读取本地缓存。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Delegation or sector</source>
        <translation>代表团或界别</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Opened at</source>
        <translation>提出时间</translation>
    </message>
    <message>
        <source>Claimed at</source>
        <translation>认领时间</translation>
    </message>
    <message>
        <source>Closed at</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>[voice message, %1]</source>
        <translation>[语音消息，%1]</translation>
    </message>
    <message>
        <source>Transcript: %1</source>
        <translation>转写文字：%1</translation>
    </message>
    <message>
        <source>Voice messages as text</source>
        <translation>语音消息文字</translation>
    </message>
</context>
<context>
    <name>ConsultationListModel</name>
    <message>
        <source>No messages yet</source>
        <translation>暂无消息</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>[voice %1]</source>
        <translation>[语音 %1]</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>mine</source>
        <translation>由我办理</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>由%1办理</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>ConversationHeader</name>
    <message>
        <source>&amp;Claim</source>
        <translation>认领(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Transfer…</source>
        <translation>转办(&amp;T)…</translation>
    </message>
    <message>
        <source>Clos&amp;e…</source>
        <translation>结束(&amp;E)…</translation>
    </message>
    <message>
        <source>Take this consultation (Ctrl+Shift+C)</source>
        <translation>认领此咨询（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <source>Hand it to a colleague or another department (Ctrl+Shift+T)</source>
        <translation>转给同事或其他部门（Ctrl+Shift+T）</translation>
    </message>
    <message>
        <source>Close with a summary (Ctrl+Shift+E)</source>
        <translation>填写摘要并结束（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>由我办理</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>由%1办理</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>rated %1 of 5</source>
        <translation>评价 %1/5</translation>
    </message>
    <message>
        <source>Needs a connection to the server</source>
        <translation>需要连接服务器</translation>
    </message>
</context>
<context>
    <name>ConversationView</name>
    <message>
        <source>Not connected to the server: try again when online.</source>
        <translation>未连接服务器，请在联网后重试。</translation>
    </message>
    <message>
        <source>A colleague claimed this consultation first.</source>
        <translation>该咨询已被同事先行认领。</translation>
    </message>
    <message>
        <source>The consultation has changed meanwhile; look at its current state.</source>
        <translation>该咨询状态已变化，请查看最新状态。</translation>
    </message>
    <message>
        <source>This is not yours to do.</source>
        <translation>您无权进行此操作。</translation>
    </message>
    <message>
        <source>The text is too long.</source>
        <translation>文字过长。</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>Select a consultation in the queue.</source>
        <translation>请在左侧列表中选择一条咨询。</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Headline figures</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <source>Consultations per day</source>
        <translation>每日咨询量</translation>
    </message>
    <message>
        <source>Messages per day</source>
        <translation>每日消息量</translation>
    </message>
    <message>
        <source>First response time</source>
        <translation>首次答复用时</translation>
    </message>
    <message>
        <source>Satisfaction ratings</source>
        <translation>满意度评价</translation>
    </message>
    <message>
        <source>Received by weekday and hour</source>
        <translation>按星期和时段的受理量</translation>
    </message>
    <message>
        <source>Open now per responder</source>
        <translation>各承办人当前在办</translation>
    </message>
    <message>
        <source>Responders</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Delegations and sectors</source>
        <translation>代表团与界别</translation>
    </message>
    <message>
        <source>Transfers and their reasons</source>
        <translation>转交及原因</translation>
    </message>
    <message>
        <source>Responder %1</source>
        <translation>承办人 %1</translation>
    </message>
    <message>
        <source>Department %1</source>
        <translation>部门 %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>p90 %1 · max %2</source>
        <translation>p90 %1 · 最长 %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>Percentiles by nearest rank: p50 is the value half of the cases do not exceed (the ⌈0.5·n⌉-th smallest), p90 likewise. Events count on the day they happened; durations on the day they ended.</source>
        <translation>百分位数按最近秩法计算：p50 是一半案例不超过的值（从小到大第 ⌈0.5·n⌉ 个），p90 同理。各事件计入其发生当日；各项用时计入其结束当日。</translation>
    </message>
    <message>
        <source>Every figure here is exact.</source>
        <translation>此处所有数字均为精确值。</translation>
    </message>
    <message>
        <source>Counts, maxima and shares are exact; percentiles of stored days are read from log-spaced histograms and are within ±%1% of the exact value.</source>
        <translation>数量、最大值和占比均为精确值；已归档日期的百分位数取自对数分桶直方图，与精确值相差不超过 ±%1%。</translation>
    </message>
    <message>
        <source>Waiting now</source>
        <translation>当前等待</translation>
    </message>
    <message>
        <source>Longest waiting</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <source>limit: %1 min</source>
        <translation>时限：%1 分钟</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>representatives: %1</source>
        <translation>代表委员：%1 位</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Waiting time p50</source>
        <translation>等待用时 p50</translation>
    </message>
    <message>
        <source>First response p50</source>
        <translation>首次答复 p50</translation>
    </message>
    <message>
        <source>Handling time p50</source>
        <translation>办理用时 p50</translation>
    </message>
    <message>
        <source>Answered within %1 min</source>
        <translation>%1 分钟内答复</translation>
    </message>
    <message>
        <source>%1 of %2 first responses</source>
        <translation>首次答复 %2 次中的 %1 次</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>%1 rated (%2 of closed)</source>
        <translation>%1 条评价（占办结 %2）</translation>
    </message>
    <message>
        <source>Messages in</source>
        <translation>收到消息</translation>
    </message>
    <message>
        <source>%1 voice, %2 min</source>
        <translation>语音 %1 条，%2 分钟</translation>
    </message>
    <message>
        <source>Replies out</source>
        <translation>发出答复</translation>
    </message>
    <message>
        <source>Transfers in / out</source>
        <translation>转入 / 转出</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Text in</source>
        <translation>收到文字</translation>
    </message>
    <message>
        <source>Voice in</source>
        <translation>收到语音</translation>
    </message>
    <message>
        <source>Text out</source>
        <translation>发出文字</translation>
    </message>
    <message>
        <source>Voice out</source>
        <translation>发出语音</translation>
    </message>
    <message>
        <source>≤ %1 min</source>
        <translation>≤ %1 分钟</translation>
    </message>
    <message>
        <source>%1–%2 min</source>
        <translation>%1–%2 分钟</translation>
    </message>
    <message>
        <source>&gt; %1 min</source>
        <translation>&gt; %1 分钟</translation>
    </message>
    <message>
        <source>First responses</source>
        <translation>首次答复</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评价数</translation>
    </message>
    <message>
        <source>Open now</source>
        <translation>当前在办</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Handling p50</source>
        <translation>办理 p50</translation>
    </message>
    <message>
        <source>Handling p90</source>
        <translation>办理 p90</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>已评价</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>Deputies</source>
        <translation>人大代表</translation>
    </message>
    <message>
        <source>CPPCC members</source>
        <translation>政协委员</translation>
    </message>
    <message>
        <source>%1, not recorded</source>
        <translation>%1（未登记）</translation>
    </message>
    <message>
        <source>Waiting p50</source>
        <translation>等待 p50</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>转出</translation>
    </message>
    <message>
        <source>In</source>
        <translation>转入</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>次数</translation>
    </message>
</context>
<context>
    <name>DepartmentStatistics</name>
    <message>
        <source>Offline: statistics come from the server.</source>
        <translation>离线：统计数据来自服务器。</translation>
    </message>
    <message>
        <source>The server&apos;s statistics could not be read.</source>
        <translation>无法读取服务器返回的统计数据。</translation>
    </message>
    <message>
        <source>Offline: targets are kept by the server.</source>
        <translation>离线：目标值保存在服务器上。</translation>
    </message>
    <message>
        <source>The server is preparing the figures of %1 days; they follow shortly.</source>
        <translation>服务器正在准备 %1 天的数据，稍后即可显示。</translation>
    </message>
    <message>
        <source>Asked too often; trying again.</source>
        <translation>请求过于频繁，稍后自动重试。</translation>
    </message>
    <message>
        <source>This server does not offer statistics (it is older than this console).</source>
        <translation>该服务器不提供数据统计（其版本早于本应答台）。</translation>
    </message>
    <message>
        <source>Statistics are shown to the department&apos;s own officers only.</source>
        <translation>数据统计仅向本部门工作人员显示。</translation>
    </message>
    <message>
        <source>At most 366 days at a time.</source>
        <translation>一次最多查询 366 天。</translation>
    </message>
    <message>
        <source>The chosen dates are not a valid range.</source>
        <translation>所选日期不是有效的时间范围。</translation>
    </message>
    <message>
        <source>The server could not count the figures just now.</source>
        <translation>服务器暂时无法统计，请稍后再试。</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <source>Contact details</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Search proposals (title, reply, number)</source>
        <translation>搜索建议提案（标题、答复、编号）</translation>
    </message>
    <message>
        <source>Search proposals</source>
        <translation>搜索建议提案</translation>
    </message>
    <message>
        <source>Past proposals</source>
        <translation>历年建议提案</translation>
    </message>
    <message>
        <source>Earlier consultations</source>
        <translation>以往咨询</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>建议提案</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>手机：</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>办公电话：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>电子邮箱：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>通讯地址：</translation>
    </message>
    <message>
        <source>No contact details on record.</source>
        <translation>暂无联系方式。</translation>
    </message>
    <message>
        <source>Representative&apos;s records</source>
        <translation>代表委员档案</translation>
    </message>
    <message>
        <source>No proposals on record for this representative.</source>
        <translation>该代表暂无建议提案记录。</translation>
    </message>
    <message>
        <source>No proposal matches “%1”.</source>
        <translation>没有与“%1”相符的建议提案。</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Exporting %1 of %2…</source>
        <translation>正在导出第 %1 条，共 %2 条…</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>正在准备导出…</translation>
    </message>
    <message>
        <source>Export cancelled after %1 consultations.</source>
        <translation>导出已取消，已导出 %1 条咨询。</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exported %1 consultations to %2</source>
        <translation>已导出 %1 条咨询至 %2</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>The &amp;open consultation</source>
        <translation>当前打开的咨询(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Every consultation in the current list</source>
        <translation>当前列表中的全部咨询(&amp;E)</translation>
    </message>
    <message>
        <source>A &amp;table (CSV, for spreadsheets)</source>
        <translation>表格（CSV，可用电子表格打开）(&amp;T)</translation>
    </message>
    <message>
        <source>A &amp;PDF record per consultation, with the whole dialogue</source>
        <translation>每条咨询一份 PDF 记录，含完整对话(&amp;P)</translation>
    </message>
    <message>
        <source>Export records</source>
        <translation>导出办理记录</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Which consultations:</source>
        <translation>导出范围：</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>导出格式：</translation>
    </message>
</context>
<context>
    <name>HttpTranscriptionEngine</name>
    <message>
        <source>The transcription service at %1 answered something that is not a transcript.</source>
        <translation>位于 %1 的转写服务返回的内容不是转写结果。</translation>
    </message>
    <message>
        <source>The transcription service refused the API key (HTTP %1). Check the key in Preferences.</source>
        <translation>转写服务拒绝了接口密钥（HTTP %1）。请在“偏好设置”中检查密钥。</translation>
    </message>
    <message>
        <source>The recording is larger than the transcription service accepts (HTTP 413).</source>
        <translation>录音超出了转写服务接受的大小（HTTP 413）。</translation>
    </message>
    <message>
        <source>The transcription service is busy (HTTP 429). Attempts: %1.</source>
        <translation>转写服务繁忙（HTTP 429）。已尝试 %1 次。</translation>
    </message>
    <message>
        <source>The transcription service failed (HTTP %1). Attempts: %2.</source>
        <translation>转写服务出错（HTTP %1）。已尝试 %2 次。</translation>
    </message>
    <message>
        <source>The transcription service at %1 did not answer within %2 s. Attempts: %3.</source>
        <translation>位于 %1 的转写服务在 %2 秒内没有应答。已尝试 %3 次。</translation>
    </message>
    <message>
        <source>The transcription service at %1 cannot be reached: %2</source>
        <translation>无法连接位于 %1 的转写服务：%2</translation>
    </message>
    <message>
        <source>The transcription service refused the recording (HTTP %1).</source>
        <translation>转写服务拒绝了这段录音（HTTP %1）。</translation>
    </message>
</context>
<context>
    <name>HttpTranscriptionFactory</name>
    <message>
        <source>Transcription service over HTTP</source>
        <translation>网络转写服务</translation>
    </message>
    <message>
        <source>No transcription service is set: give its http:// or https:// address in Preferences.</source>
        <translation>尚未设置转写服务：请在“偏好设置”中填写其 http:// 或 https:// 地址。</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>Import of %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Imported %1 scripts.</source>
        <translation>已导入 %1 条话术。</translation>
    </message>
    <message>
        <source>%1 rows were rejected:</source>
        <translation>%1 行未导入：</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>复制报告(&amp;C)</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
</context>
<context>
    <name>KioskFrame</name>
    <message>
        <source>Idle warning</source>
        <translation>无操作提醒</translation>
    </message>
    <message>
        <source>Nobody has touched this desk for a while. Signing out in %1 s: touch the screen or press a key to stay.</source>
        <translation>本工作台已有一段时间无人操作，将在 %1 秒后退出登录。如需继续使用，请触摸屏幕或按任意键。</translation>
    </message>
    <message>
        <source>Signing out</source>
        <translation>正在退出登录</translation>
    </message>
    <message>
        <source>voice reply, %1 s</source>
        <translation>语音答复，%1 秒</translation>
    </message>
    <message>
        <source>Consultation %1: %2</source>
        <translation>咨询 %1：%2</translation>
    </message>
    <message>
        <source>Signing out: %1 replies are still on their way</source>
        <translation>正在退出登录：还有 %1 条答复正在发送</translation>
    </message>
    <message>
        <source>The desk signs out as soon as they are delivered. If they cannot be delivered within %1 s they are given up, and the department is told.</source>
        <translation>答复送达后即退出登录。如果 %1 秒内仍无法送达，这些答复将被放弃，并告知本部门。</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>继续使用</translation>
    </message>
    <message>
        <source>%1 replies could not be delivered and were given up</source>
        <translation>%1 条答复未能送达，已被放弃</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>text reply, %1 characters</source>
        <translation>文字答复，%1 个字</translation>
    </message>
    <message>
        <source>They were not sent to the representatives. Please answer these consultations again: %1.</source>
        <translation>这些答复没有发送给代表委员。请重新答复以下咨询：%1。</translation>
    </message>
    <message>
        <source>The department is told at the next sign-in at this desk.</source>
        <translation>本工作台下次登录时将告知本部门。</translation>
    </message>
    <message>
        <source>This desk could not keep a record of them: please tell the department.</source>
        <translation>本工作台未能保存相关记录，请告知本部门。</translation>
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
    <message>
        <source>reply scripts</source>
        <translation>答复话术</translation>
    </message>
    <message>
        <source>&amp;Consultation</source>
        <translation>咨询(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键一览(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Reply scripts…</source>
        <translation>答复话术(&amp;R)…</translation>
    </message>
    <message>
        <source>Cache as of %1</source>
        <translation>缓存截至 %1</translation>
    </message>
    <message>
        <source>voice transcripts</source>
        <translation>语音转写</translation>
    </message>
    <message>
        <source>&amp;Statistics…</source>
        <translation>数据统计(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>Queued: goes out when online</source>
        <translation>已排队：联网后发送</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>正在发送…</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Not sent: %1. Click to try again.</source>
        <translation>未发送：%1。点击重试。</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Sent at %1</source>
        <translation>已于 %1 送达</translation>
    </message>
    <message>
        <source>No text: %1</source>
        <translation>未能转成文字：%1</translation>
    </message>
    <message>
        <source>turning into text… %1%</source>
        <translation>正在转成文字… %1%</translation>
    </message>
    <message>
        <source>the server is turning it into text…</source>
        <translation>服务器正在转成文字…</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>原始识别：%1</translation>
    </message>
    <message>
        <source>%1 (corrected)</source>
        <translation>%1（已校正）</translation>
    </message>
</context>
<context>
    <name>MessageThread</name>
    <message>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
</context>
<context>
    <name>OutboxSender</name>
    <message>
        <source>The recording is missing on this computer.</source>
        <translation>本机上找不到这段录音。</translation>
    </message>
</context>
<context>
    <name>PocketSphinxFactory</name>
    <message>
        <source>The acoustic model folder %1 does not exist (for the English model, install pocketsphinx-en-us).</source>
        <translation>声学模型文件夹 %1 不存在（英语模型请安装 pocketsphinx-en-us）。</translation>
    </message>
    <message>
        <source>The acoustic model in %1 is incomplete: %2 missing.</source>
        <translation>%1 中的声学模型不完整：缺少 %2。</translation>
    </message>
    <message>
        <source>The model file %1 does not exist.</source>
        <translation>模型文件 %1 不存在。</translation>
    </message>
    <message>
        <source>PocketSphinx takes 16 kHz audio, not %1 Hz.</source>
        <translation>PocketSphinx 只接受 16 kHz 音频，不接受 %1 Hz。</translation>
    </message>
    <message>
        <source>PocketSphinx could not decode the audio.</source>
        <translation>PocketSphinx 无法识别这段音频。</translation>
    </message>
    <message>
        <source>PocketSphinx (offline)</source>
        <translation>PocketSphinx（离线）</translation>
    </message>
    <message>
        <source>PocketSphinx could not load the model in %1.</source>
        <translation>PocketSphinx 无法加载 %1 中的模型。</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>&amp;Enter sends the reply (Shift+Enter starts a new line)</source>
        <translation>按 Enter 发送答复（Shift+Enter 换行）(&amp;E)</translation>
    </message>
    <message>
        <source>Show &amp;desktop alerts for new consultations and messages</source>
        <translation>有新咨询和新消息时显示桌面提醒(&amp;D)</translation>
    </message>
    <message>
        <source>Play a &amp;sound with alerts</source>
        <translation>提醒时播放提示音(&amp;S)</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <source>Off: Shift+Enter sends and Enter starts a new line.</source>
        <translation>不勾选时：Shift+Enter 发送，Enter 换行。</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Overdue after</source>
        <translation>超时阈值</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>A waiting consultation is &amp;overdue after:</source>
        <translation>待认领咨询超过以下时长视为超时(&amp;O)：</translation>
    </message>
    <message>
        <source>After a voice message, play the next &amp;unheard one</source>
        <translation>播放完一条语音后，自动播放下一条未听语音(&amp;U)</translation>
    </message>
    <message>
        <source>Sound output</source>
        <translation>声音输出</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>麦克风</translation>
    </message>
    <message>
        <source>Play voice messages &amp;through:</source>
        <translation>语音播放设备(&amp;T)：</translation>
    </message>
    <message>
        <source>Record voice replies &amp;from:</source>
        <translation>语音录制设备(&amp;F)：</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1（未连接）</translation>
    </message>
</context>
<context>
    <name>ProposalRecord</name>
    <message>
        <source>Proposal details</source>
        <translation>建议提案详情</translation>
    </message>
    <message>
        <source>NPC suggestion</source>
        <translation>代表建议</translation>
    </message>
    <message>
        <source>CPPCC proposal</source>
        <translation>政协提案</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>办理状态：</translation>
    </message>
    <message>
        <source>Lead department:</source>
        <translation>主办单位：</translation>
    </message>
    <message>
        <source>not yet assigned</source>
        <translation>尚未交办</translation>
    </message>
    <message>
        <source>Co-handling:</source>
        <translation>会办单位：</translation>
    </message>
    <message>
        <source>Reply summary:</source>
        <translation>答复摘要：</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>ProposalWording</name>
    <message>
        <source>Registered</source>
        <translation>已立案</translation>
    </message>
    <message>
        <source>Being handled</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已答复</translation>
    </message>
    <message>
        <source>Concluded</source>
        <translation>已办结</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <source>Waiting</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Queue filter</source>
        <translation>咨询筛选</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>咨询列表</translation>
    </message>
    <message>
        <source>Nothing is waiting in your department.</source>
        <translation>本部门暂无待认领的咨询。</translation>
    </message>
    <message>
        <source>You hold no open consultation. Claim one under “Waiting”.</source>
        <translation>您目前没有在办的咨询，可在“待认领”中认领。</translation>
    </message>
    <message>
        <source>Nothing has been transferred to you.</source>
        <translation>暂无转给您的咨询。</translation>
    </message>
    <message>
        <source>No consultations here yet.</source>
        <translation>暂无咨询。</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>转给我的</translation>
    </message>
    <message>
        <source>Not yet claimed in your department, longest-waiting first</source>
        <translation>本部门尚未认领的咨询，等待最久的在前</translation>
    </message>
    <message>
        <source>Claimed by you and still open</source>
        <translation>由您认领、尚未结束的咨询</translation>
    </message>
    <message>
        <source>Transferred to you, or to your department from another one</source>
        <translation>转给您本人、或由其他部门转来本部门的咨询</translation>
    </message>
    <message>
        <source>Closed, most recent first</source>
        <translation>已结束的咨询，最近结束的在前</translation>
    </message>
    <message>
        <source>Everything you may see, newest first</source>
        <translation>您可查看的全部咨询，最新的在前</translation>
    </message>
</context>
<context>
    <name>ReplyComposer</name>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Voice</source>
        <translation>语音(&amp;V)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>发送答复</translation>
    </message>
    <message>
        <source>Record a voice reply</source>
        <translation>录制语音答复</translation>
    </message>
    <message>
        <source>Record a voice reply (Ctrl+Shift+V)</source>
        <translation>录制语音答复（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <source>Reply… (Enter sends, Shift+Enter: new line)</source>
        <translation>输入答复…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <source>Reply… (Shift+Enter sends, Enter: new line)</source>
        <translation>输入答复…（Shift+Enter 发送，Enter 换行）</translation>
    </message>
    <message>
        <source>Claim this consultation to reply</source>
        <translation>认领此咨询后即可答复</translation>
    </message>
    <message>
        <source>Only the officer holding it can reply</source>
        <translation>仅由承办人答复</translation>
    </message>
    <message>
        <source>This consultation is closed</source>
        <translation>此咨询已结束</translation>
    </message>
    <message>
        <source>The reply could not be saved: %1</source>
        <translation>答复未能保存：%1</translation>
    </message>
    <message>
        <source>The voice reply could not be saved: %1</source>
        <translation>语音答复未能保存：%1</translation>
    </message>
    <message>
        <source>Fill in before sending: %1</source>
        <translation>发送前请补全：%1</translation>
    </message>
    <message>
        <source>This script was valid until %1 and may be outdated.</source>
        <translation>该话术有效期至 %1，内容可能已过时。</translation>
    </message>
    <message>
        <source>This consultation is now with another department</source>
        <translation>此咨询已转至其他部门</translation>
    </message>
</context>
<context>
    <name>ScriptDelegate</name>
    <message>
        <source>Outdated</source>
        <translation>可能已过时</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Not yet synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>Used once</source>
        <translation>已用 1 次</translation>
    </message>
    <message>
        <source>Used %1 times</source>
        <translation>已用 %1 次</translation>
    </message>
</context>
<context>
    <name>ScriptDelivery</name>
    <message>
        <source>The server refused the change to “%1”: %2</source>
        <translation>服务器未接受对“%1”的修改：%2</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else before your deletion reached the server, so it was kept.</source>
        <translation>在您的删除送达服务器之前，他人已修改“%1”，因此该话术予以保留。</translation>
    </message>
    <message>
        <source>%1 (my version)</source>
        <translation>%1（我的版本）</translation>
    </message>
    <message>
        <source>Your change to “%1” could not be kept: %2</source>
        <translation>您对“%1”的修改无法保存：%2</translation>
    </message>
    <message>
        <source>“%1” was changed by someone else while your change was on its way. Their version was kept; yours is saved as your personal script “%2”.</source>
        <translation>您的修改送达前，他人已修改“%1”。已保留对方的版本；您的版本另存为个人话术“%2”。</translation>
    </message>
</context>
<context>
    <name>ScriptForm</name>
    <message>
        <source>&amp;Valid until</source>
        <translation>有效期至(&amp;V)</translation>
    </message>
    <message>
        <source>Department scripts can be changed by editors. Duplicate it to make a personal copy.</source>
        <translation>部门话术只能由编辑人员修改。可复制为个人话术后再修改。</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>separate with commas</source>
        <translation>用逗号分隔</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>分类(&amp;C)：</translation>
    </message>
    <message>
        <source>Ta&amp;gs:</source>
        <translation>标签(&amp;G)：</translation>
    </message>
    <message>
        <source>Sc&amp;ope:</source>
        <translation>范围(&amp;O)：</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>正文(&amp;X)：</translation>
    </message>
    <message>
        <source>Insert &amp;placeholder</source>
        <translation>插入占位符(&amp;P)</translation>
    </message>
    <message>
        <source>Filled in with the consultation&apos;s details when the script is used</source>
        <translation>使用话术时自动填入本次咨询的信息</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Only editors can write department scripts</source>
        <translation>只有编辑人员可以编写部门话术</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
</context>
<context>
    <name>ScriptLibrary</name>
    <message>
        <source>A script needs a title.</source>
        <translation>话术需要标题。</translation>
    </message>
    <message numerus="yes">
        <source>The title is longer than %n characters.</source>
        <translation>
            <numerusform>标题超过 %n 个字。</numerusform>
        </translation>
    </message>
    <message>
        <source>A script needs some text.</source>
        <translation>话术需要正文。</translation>
    </message>
    <message numerus="yes">
        <source>The text is longer than %n characters.</source>
        <translation>
            <numerusform>正文超过 %n 个字。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The category is longer than %n characters.</source>
        <translation>
            <numerusform>分类超过 %n 个字。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A script can have at most %n tags.</source>
        <translation>
            <numerusform>每条话术最多 %n 个标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The tag “%1” is longer than %n characters.</source>
        <translation>
            <numerusform>标签“%1”超过 %n 个字。</numerusform>
        </translation>
    </message>
    <message>
        <source>Department scripts can be changed by script editors only. Duplicate it to make a personal copy.</source>
        <translation>部门话术只能由话术编辑人员修改。可复制为个人话术后再修改。</translation>
    </message>
    <message>
        <source>A script cannot move between department and personal; duplicate it instead.</source>
        <translation>话术不能在部门与个人之间转换，请复制一份。</translation>
    </message>
    <message>
        <source>The script no longer exists.</source>
        <translation>该话术已不存在。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>Department scripts can be deleted by script editors only.</source>
        <translation>部门话术只能由话术编辑人员删除。</translation>
    </message>
</context>
<context>
    <name>ScriptManager</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Reply scripts</source>
        <translation>答复话术</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Search scripts</source>
        <translation>搜索话术</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>话术</translation>
    </message>
    <message>
        <source>C&amp;ategories:</source>
        <translation>分类(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;F)：</translation>
    </message>
    <message>
        <source>Scr&amp;ipts:</source>
        <translation>话术(&amp;I)：</translation>
    </message>
    <message>
        <source>Bring the deleted script back (Ctrl+Z)</source>
        <translation>恢复刚删除的话术（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Save the script (Ctrl+S)</source>
        <translation>保存话术（Ctrl+S）</translation>
    </message>
    <message>
        <source>&amp;New script</source>
        <translation>新建话术(&amp;N)</translation>
    </message>
    <message>
        <source>D&amp;uplicate script</source>
        <translation>复制话术(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Delete script</source>
        <translation>删除话术(&amp;D)</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>撤销删除</translation>
    </message>
    <message>
        <source>Move script &amp;up</source>
        <translation>话术上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move script d&amp;own</source>
        <translation>话术下移(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Import scripts…</source>
        <translation>导入话术(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export scripts…</source>
        <translation>导出话术(&amp;E)…</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>保存话术</translation>
    </message>
    <message>
        <source>Close reply scripts</source>
        <translation>关闭答复话术</translation>
    </message>
    <message>
        <source>All scripts</source>
        <translation>全部话术</translation>
    </message>
    <message>
        <source>Uncategorised</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Restored “%1”.</source>
        <translation>已恢复“%1”。</translation>
    </message>
    <message>
        <source>Import reply scripts</source>
        <translation>导入答复话术</translation>
    </message>
    <message>
        <source>Reply scripts (*.json *.csv);;JSON (*.json);;CSV table (*.csv)</source>
        <translation>答复话术 (*.json *.csv);;JSON (*.json);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Imported %1 scripts from %2.</source>
        <translation>已从 %2 导入 %1 条话术。</translation>
    </message>
    <message>
        <source>Export reply scripts</source>
        <translation>导出答复话术</translation>
    </message>
    <message>
        <source>Export only the scripts shown, or all of them?</source>
        <translation>只导出当前显示的话术，还是全部导出？</translation>
    </message>
    <message>
        <source>The %1 &amp;shown</source>
        <translation>显示的 %1 条(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;All %1</source>
        <translation>全部 %1 条(&amp;A)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>The scripts could not be exported: %1</source>
        <translation>话术未能导出：%1</translation>
    </message>
    <message>
        <source>Exported %1 scripts to %2.</source>
        <translation>已将 %1 条话术导出到 %2。</translation>
    </message>
    <message>
        <source>Save the new script?</source>
        <translation>保存新话术吗？</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>保存对“%1”的修改吗？</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>Deleted “%1”.</source>
        <translation>已删除“%1”。</translation>
    </message>
    <message>
        <source>Search words or pinyin initials</source>
        <translation>搜索文字或拼音首字母</translation>
    </message>
</context>
<context>
    <name>ScriptPicker</name>
    <message>
        <source>Insert reply script</source>
        <translation>插入答复话术</translation>
    </message>
    <message>
        <source>Filter scripts; Enter inserts, Esc closes</source>
        <translation>筛选话术；回车插入，Esc 关闭</translation>
    </message>
    <message>
        <source>Filter scripts</source>
        <translation>筛选话术</translation>
    </message>
    <message>
        <source>Reply scripts</source>
        <translation>答复话术</translation>
    </message>
    <message>
        <source>No reply scripts yet. Write them under Tools › Reply scripts (Ctrl+Shift+M).</source>
        <translation>还没有答复话术。请在“工具 › 答复话术”（Ctrl+Shift+M）中编写。</translation>
    </message>
    <message>
        <source>No script matches</source>
        <translation>没有匹配的话术</translation>
    </message>
</context>
<context>
    <name>ScriptPlaceholders</name>
    <message>
        <source>Representative&apos;s name</source>
        <translation>代表委员姓名</translation>
    </message>
    <message>
        <source>Form of address (deputy or member)</source>
        <translation>称谓（代表或委员）</translation>
    </message>
    <message>
        <source>Delegation or sector</source>
        <translation>代表团或界别</translation>
    </message>
    <message>
        <source>Your department</source>
        <translation>本部门</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>承办人姓名</translation>
    </message>
    <message>
        <source>Today&apos;s date</source>
        <translation>今天的日期</translation>
    </message>
    <message>
        <source>Consultation number</source>
        <translation>咨询编号</translation>
    </message>
</context>
<context>
    <name>ScriptTransfer</name>
    <message>
        <source>The script has %1 tags; at most %2 are allowed.</source>
        <translation>该话术有 %1 个标签，最多允许 %2 个。</translation>
    </message>
    <message>
        <source>The tag “%1” has %2 characters; at most %3 are allowed.</source>
        <translation>标签“%1”有 %2 个字，最多允许 %3 个。</translation>
    </message>
    <message>
        <source>The title is empty.</source>
        <translation>标题为空。</translation>
    </message>
    <message>
        <source>The title has %1 characters; at most %2 are allowed.</source>
        <translation>标题有 %1 个字，最多允许 %2 个。</translation>
    </message>
    <message>
        <source>The text is empty.</source>
        <translation>正文为空。</translation>
    </message>
    <message>
        <source>The text has %1 characters; at most %2 are allowed.</source>
        <translation>正文有 %1 个字，最多允许 %2 个。</translation>
    </message>
    <message>
        <source>The category has %1 characters; at most %2 are allowed.</source>
        <translation>分类有 %1 个字，最多允许 %2 个。</translation>
    </message>
    <message>
        <source>The date “%1” is not a date written as YYYY-MM-DD.</source>
        <translation>“%1”不是 YYYY-MM-DD 格式的日期。</translation>
    </message>
    <message>
        <source>The scope “%1” is neither “department” nor “personal”.</source>
        <translation>范围“%1”既不是“department（部门）”也不是“personal（个人）”。</translation>
    </message>
    <message>
        <source>The file is saved as UTF-16 (“Unicode text”). Save it as UTF-8 and import it again.</source>
        <translation>该文件以 UTF-16（“Unicode 文本”）保存。请另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text; it may have been saved as GBK or GB18030. Save it as UTF-8 (in Excel: “CSV UTF-8”) and import it again.</source>
        <translation>该文件不是 UTF-8 文本，可能以 GBK 或 GB18030 保存。请另存为 UTF-8（Excel 中选“CSV UTF-8”）后重新导入。</translation>
    </message>
    <message>
        <source>The file is not a text file: it contains zero bytes.</source>
        <translation>该文件不是文本文件：其中含有零字节。</translation>
    </message>
    <message>
        <source>The file has more than %1 scripts; import it in smaller parts.</source>
        <translation>文件中的话术超过 %1 条，请分批导入。</translation>
    </message>
    <message>
        <source>“%1” is not text.</source>
        <translation>“%1”不是文本。</translation>
    </message>
    <message>
        <source>The entry is not a script (an object with a title and a text).</source>
        <translation>该条目不是话术（应为含标题和正文的对象）。</translation>
    </message>
    <message>
        <source>“tags” is not a list.</source>
        <translation>“tags”不是列表。</translation>
    </message>
    <message>
        <source>“tags” holds something that is not text.</source>
        <translation>“tags”中含有非文本内容。</translation>
    </message>
    <message>
        <source>The file is not valid JSON (%1 at position %2).</source>
        <translation>文件不是有效的 JSON（位置 %2：%1）。</translation>
    </message>
    <message>
        <source>The file is JSON but not a list of reply scripts.</source>
        <translation>文件是 JSON，但不是答复话术清单。</translation>
    </message>
    <message>
        <source>The file was written by a newer version of the console (script format %1); this one reads format %2.</source>
        <translation>该文件由更新版本的应答台生成（话术格式 %1），本版本只能读取格式 %2。</translation>
    </message>
    <message>
        <source>The file is not valid CSV: line %1 has a quote where none can be (a quote inside a cell is written twice, and the cell is put in quotes).</source>
        <translation>文件不是有效的 CSV：第 %1 行的引号位置不正确（单元格内的引号须写两次，且整个单元格加引号）。</translation>
    </message>
    <message>
        <source>The file is not valid CSV: the quotes opened in line %1 are never closed.</source>
        <translation>文件不是有效的 CSV：第 %1 行开始的引号没有闭合。</translation>
    </message>
    <message>
        <source>The first row must name the columns, and these are missing: %1. Title and body are required; category, tags, valid_until and scope are optional.</source>
        <translation>第一行须为列名，缺少以下列：%1。title（标题）和 body（正文）为必填；category、tags、valid_until、scope 为选填。</translation>
    </message>
    <message>
        <source>The row has %1 cells; the header has %2.</source>
        <translation>该行有 %1 个单元格，表头有 %2 个。</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB, the most that can be imported at once.</source>
        <translation>文件大于 %1 MB，超过单次可导入的上限。</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <source>The file cannot be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <source>%1 to %2</source>
        <translation>%1 答复 %2</translation>
    </message>
</context>
<context>
    <name>SearchView</name>
    <message>
        <source>&amp;From</source>
        <translation>日期从(&amp;F)</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>检索历史记录</translation>
    </message>
    <message>
        <source>Words to find (any length, Chinese or not)</source>
        <translation>输入要查找的文字（任意长度，中英文均可）</translation>
    </message>
    <message>
        <source>Search words</source>
        <translation>检索词</translation>
    </message>
    <message>
        <source>in messages</source>
        <translation>在消息中</translation>
    </message>
    <message>
        <source>in proposals</source>
        <translation>在建议提案中</translation>
    </message>
    <message>
        <source>Search in</source>
        <translation>检索范围</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待认领</translation>
    </message>
    <message>
        <source>Being answered</source>
        <translation>办理中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Consultation state</source>
        <translation>咨询状态</translation>
    </message>
    <message>
        <source>Representative&apos;s name</source>
        <translation>代表委员姓名</translation>
    </message>
    <message>
        <source>Representative</source>
        <translation>代表委员</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>Until date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>检索结果</translation>
    </message>
    <message>
        <source>until</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>未找到匹配结果。</translation>
    </message>
    <message>
        <source>%1 results so far, newest first; scroll for more</source>
        <translation>已找到 %1 条（最新的在前），向下滚动查看更多</translation>
    </message>
    <message>
        <source>%1 results, newest first</source>
        <translation>共 %1 条结果，最新的在前</translation>
    </message>
    <message>
        <source>in subjects</source>
        <translation>在主题中</translation>
    </message>
    <message>
        <source>This proposal is no longer in the cache.</source>
        <translation>本地缓存中已没有这条建议提案。</translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键一览</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>In “%1”</source>
        <translation>“%1”窗口中</translation>
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
    <message>
        <source>This computer has no system keychain: the password cannot be remembered, and you will be asked to sign in at every start.</source>
        <translation>本机没有可用的系统密钥环：无法记住密码，每次启动都需要重新登录。</translation>
    </message>
    <message>
        <source>Keychain notice</source>
        <translation>密钥环提示</translation>
    </message>
</context>
<context>
    <name>SpeechEngine</name>
    <message>
        <source>This engine transcribes whole clips only.</source>
        <translation>此引擎只能转写完整的录音。</translation>
    </message>
</context>
<context>
    <name>SpeechWorker</name>
    <message>
        <source>No speech engine is installed.</source>
        <translation>未安装语音识别引擎。</translation>
    </message>
    <message>
        <source>The speech engine could not be started.</source>
        <translation>语音识别引擎无法启动。</translation>
    </message>
</context>
<context>
    <name>StatsDashboard</name>
    <message>
        <source>&amp;Targets…</source>
        <translation>目标值(&amp;T)…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>数据统计</translation>
    </message>
    <message>
        <source>Statistics — %1</source>
        <translation>数据统计 — %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>The department&apos;s limits for waiting and first responses</source>
        <translation>本部门的等待时限和首次答复目标</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>时间范围(&amp;R)：</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次答复</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>评价</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Responder</source>
        <translation>承办人</translation>
    </message>
    <message>
        <source>Delegation or sector</source>
        <translation>代表团或界别</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <source>Not updated: %1</source>
        <translation>未能更新：%1</translation>
    </message>
    <message>
        <source>Counting every figure exactly…</source>
        <translation>正在精确统计全部数字…</translation>
    </message>
    <message>
        <source>Save as CSV</source>
        <translation>另存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Department targets</source>
        <translation>部门目标值</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>&amp;Waiting is overdue after:</source>
        <translation>等待超时时限(&amp;W)：</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>统计数据</translation>
    </message>
    <message>
        <source>&amp;First response within:</source>
        <translation>首次答复时限(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>StatsTableModel</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 (seconds)</source>
        <translation>%1（秒）</translation>
    </message>
</context>
<context>
    <name>SystemEntry</name>
    <message>
        <source>a colleague</source>
        <translation>一位同事</translation>
    </message>
    <message>
        <source>%1 took this consultation</source>
        <translation>%1 认领了此咨询</translation>
    </message>
    <message>
        <source>%1 transferred this consultation to %2. Reason: %3</source>
        <translation>%1 将此咨询转给%2。理由：%3</translation>
    </message>
    <message>
        <source>%1 closed this consultation</source>
        <translation>%1 结束了此咨询</translation>
    </message>
    <message>
        <source>%1 closed this consultation. Summary: %2</source>
        <translation>%1 结束了此咨询。摘要：%2</translation>
    </message>
    <message>
        <source>The representative rated the answer %1 of 5</source>
        <translation>代表委员对答复的评价：%1/5</translation>
    </message>
</context>
<context>
    <name>Transcriber</name>
    <message>
        <source>The recording could not be fetched: %1</source>
        <translation>无法获取录音：%1</translation>
    </message>
    <message>
        <source>No speech was recognised in this recording.</source>
        <translation>这段录音中没有识别出语音。</translation>
    </message>
</context>
<context>
    <name>TranscriptEditing</name>
    <message>
        <source>&amp;Write the text…</source>
        <translation>填写文字(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Correct the text…</source>
        <translation>校正文字(&amp;C)…</translation>
    </message>
    <message>
        <source>Show the &amp;correction</source>
        <translation>显示校正后的文字(&amp;C)</translation>
    </message>
    <message>
        <source>Show what the engine &amp;heard</source>
        <translation>显示引擎识别的原文(&amp;H)</translation>
    </message>
    <message>
        <source>Correct the text</source>
        <translation>校正文字</translation>
    </message>
    <message>
        <source>What the voice message says (kept beside what the engine heard; an empty text goes back to the engine&apos;s):</source>
        <translation>这条语音说的内容（与引擎识别的原文一并保存；留空则恢复为引擎的识别结果）：</translation>
    </message>
    <message>
        <source>Not connected: the correction was not sent. It is kept in the editor; send it again when the console is online.</source>
        <translation>未连接：校正没有发出。文字保留在编辑框中，联网后请再次提交。</translation>
    </message>
    <message>
        <source>A colleague corrected this text meanwhile; theirs is shown: “%1”. Yours is in the editor.</source>
        <translation>同事已先行校正了这段文字，现显示其版本：“%1”。您的文字保留在编辑框中。</translation>
    </message>
    <message>
        <source>The server refused the correction: %1</source>
        <translation>服务器拒绝了校正：%1</translation>
    </message>
    <message>
        <source>&amp;Stop turning it into text</source>
        <translation>停止转成文字(&amp;S)</translation>
    </message>
    <message>
        <source>Turn into text &amp;again with</source>
        <translation>改用其他引擎重新转写(&amp;A)</translation>
    </message>
    <message>
        <source>%1 (the recording leaves this computer)</source>
        <translation>%1（录音会离开本机）</translation>
    </message>
    <message>
        <source>The other engine could not turn it into text: %1</source>
        <translation>该引擎未能将其转成文字：%1</translation>
    </message>
</context>
<context>
    <name>TranscriptionBox</name>
    <message>
        <source>Voice to text</source>
        <translation>语音转文字</translation>
    </message>
    <message>
        <source>Also turn voice messages into text in the &amp;background as they arrive</source>
        <translation>语音消息到达时即在后台转成文字(&amp;B)</translation>
    </message>
    <message>
        <source>Automatic: the server&apos;s, else on this computer</source>
        <translation>自动：优先使用服务器转写，否则在本机转写</translation>
    </message>
    <message>
        <source>Only the server&apos;s</source>
        <translation>仅使用服务器转写</translation>
    </message>
    <message>
        <source>On this computer with %1</source>
        <translation>在本机使用 %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Transcription</source>
        <translation>转写</translation>
    </message>
    <message>
        <source>Mandarin Chinese</source>
        <translation>普通话</translation>
    </message>
    <message>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <source>Language spoken</source>
        <translation>语音语言</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>(kept in the keychain; type to replace)</source>
        <translation>（已保存在密钥环中；输入新值可替换）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>接口密钥</translation>
    </message>
    <message>
        <source>Service &amp;address:</source>
        <translation>服务地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>模型(&amp;M)：</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>接口密钥(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Turn voice messages into text:</source>
        <translation>语音转文字方式(&amp;T)：</translation>
    </message>
    <message>
        <source>Voice messages are &amp;spoken in:</source>
        <translation>语音消息使用的语言(&amp;S)：</translation>
    </message>
    <message>
        <source>When the server turns voice messages into text, its text is shown and nothing runs here. Otherwise the offline engine on this computer is used if its model is for the language spoken.</source>
        <translation>服务器转写语音消息时，显示服务器的文字，本机不进行转写；否则，如本机离线引擎的模型适用于所说语言，则在本机转写。</translation>
    </message>
    <message>
        <source>Only text the server makes is shown; nothing runs on this computer.</source>
        <translation>只显示服务器转写的文字；本机不进行转写。</translation>
    </message>
    <message>
        <source>Nothing is turned into text on this computer. Text the server makes is still shown.</source>
        <translation>本机不进行转写。服务器转写的文字仍会显示。</translation>
    </message>
    <message>
        <source>Recordings are sent to the service at the address above: they leave this computer. The key is kept in the system keychain, not in a file.</source>
        <translation>录音将发送到上述地址的服务：录音会离开本机。密钥保存在系统密钥环中，不写入文件。</translation>
    </message>
    <message>
        <source>Offline: recordings stay on this computer. The model Debian ships understands English only; for Mandarin an administrator installs a Mandarin model (see the README).</source>
        <translation>离线：录音不离开本机。Debian 自带的模型只能识别英语；如需识别普通话，请管理员安装普通话模型（见说明文档）。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>To a &amp;colleague:</source>
        <translation>转给同事(&amp;C)：</translation>
    </message>
    <message>
        <source>To another &amp;department:</source>
        <translation>转给其他部门(&amp;D)：</translation>
    </message>
    <message>
        <source>Transfer consultation</source>
        <translation>转办咨询</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>同事</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why it goes there; the receiver reads this first.</source>
        <translation>说明转办理由，接收方会首先看到。</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>转办理由（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>转办(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 字</translation>
    </message>
    <message>
        <source>Type a name or its initials…</source>
        <translation>输入姓名或拼音首字母…</translation>
    </message>
    <message>
        <source>Type a department or its initials…</source>
        <translation>输入部门名称或拼音首字母…</translation>
    </message>
</context>
<context>
    <name>VoiceBubble</name>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
</context>
<context>
    <name>VoiceFetcher</name>
    <message>
        <source>The connection was lost while downloading.</source>
        <translation>下载时连接中断。</translation>
    </message>
    <message>
        <source>Not downloaded yet; it can be played once online.</source>
        <translation>尚未下载，联网后即可播放。</translation>
    </message>
    <message>
        <source>The server announced a clip of an impossible size.</source>
        <translation>服务器告知的语音大小异常。</translation>
    </message>
    <message>
        <source>The clip arrived out of order.</source>
        <translation>语音数据到达顺序错误。</translation>
    </message>
    <message>
        <source>The clip could not be saved on this computer.</source>
        <translation>语音无法保存到本机。</translation>
    </message>
</context>
<context>
    <name>VoiceInteraction</name>
    <message>
        <source>Play or pause the voice message</source>
        <translation>播放或暂停语音消息</translation>
    </message>
</context>
<context>
    <name>VoicePlayer</name>
    <message>
        <source>The sound output device was disconnected.</source>
        <translation>声音输出设备已断开。</translation>
    </message>
    <message>
        <source>No sound output device.</source>
        <translation>没有声音输出设备。</translation>
    </message>
    <message>
        <source>This voice message is in a format the console cannot play.</source>
        <translation>这条语音的格式无法播放。</translation>
    </message>
    <message>
        <source>This voice message is incomplete and cannot be played.</source>
        <translation>这条语音不完整，无法播放。</translation>
    </message>
    <message>
        <source>This voice message is damaged and cannot be played.</source>
        <translation>这条语音已损坏，无法播放。</translation>
    </message>
    <message>
        <source>The sound output device cannot be opened.</source>
        <translation>无法打开声音输出设备。</translation>
    </message>
    <message>
        <source>The sound output device stopped working.</source>
        <translation>声音输出设备已停止工作。</translation>
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>No microphone is connected.</source>
        <translation>未连接麦克风。</translation>
    </message>
    <message>
        <source>The voice encoder could not start: %1</source>
        <translation>语音编码器无法启动：%1</translation>
    </message>
    <message>
        <source>The microphone cannot be opened: it may be in use, or access to it was denied.</source>
        <translation>无法打开麦克风：可能正被占用，或访问被拒绝。</translation>
    </message>
    <message>
        <source>The microphone stopped working.</source>
        <translation>麦克风已停止工作。</translation>
    </message>
    <message>
        <source>Nothing was recorded.</source>
        <translation>没有录到声音。</translation>
    </message>
    <message>
        <source>The recording could not be encoded: %1</source>
        <translation>录音无法编码：%1</translation>
    </message>
</context>
<context>
    <name>VoiceRecorderBar</name>
    <message>
        <source>Microphone level</source>
        <translation>麦克风音量</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Listen</source>
        <translation>试听(&amp;L)</translation>
    </message>
    <message>
        <source>Send &amp;voice</source>
        <translation>发送语音(&amp;V)</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录音</translation>
    </message>
    <message>
        <source>Listen to the recording</source>
        <translation>试听录音</translation>
    </message>
    <message>
        <source>Send the voice reply</source>
        <translation>发送语音答复</translation>
    </message>
    <message>
        <source>Discard the recording</source>
        <translation>放弃录音</translation>
    </message>
    <message>
        <source>Recording time</source>
        <translation>录音时长</translation>
    </message>
    <message>
        <source>● Recording</source>
        <translation>● 正在录音</translation>
    </message>
    <message>
        <source>Voice reply, %1</source>
        <translation>语音答复，%1</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>关闭(&amp;D)</translation>
    </message>
</context>
<context>
    <name>WaitTime</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
</context>
<context>
    <name>WorkspaceView</name>
    <message>
        <source>Next consultation</source>
        <translation>下一条咨询</translation>
    </message>
    <message>
        <source>Previous consultation</source>
        <translation>上一条咨询</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>认领</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Close consultation</source>
        <translation>结束咨询</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Search history</source>
        <translation>检索历史记录</translation>
    </message>
    <message>
        <source>Export records…</source>
        <translation>导出办理记录…</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>导出为 CSV</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Folder for the PDF records</source>
        <translation>选择 PDF 记录的保存文件夹</translation>
    </message>
    <message>
        <source>Insert reply script…</source>
        <translation>插入答复话术…</translation>
    </message>
</context>
</TS>
