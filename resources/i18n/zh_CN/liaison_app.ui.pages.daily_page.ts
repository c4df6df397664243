<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyPage</name>
    <message>
        <source>Daily reports</source>
        <extracomment>The template editor while it is open (one at a time; it follows syncs). The contract&apos;s 保存 waits for every line it saved. The day whose draft may still be on its way to the database when it was opened (offered once it is there, unless the officer has done anything there since).</extracomment>
        <translation>日报</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Import the day&apos;s reports from an Excel or CSV sheet an enterprise or a town sent</source>
        <translation>从企业或镇街报来的电子表格（xlsx 或 CSV）导入当天日报</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>打印汇总表…</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>导出电子表格…</translation>
    </message>
    <message>
        <source>Templates…</source>
        <translation>模板…</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>填报</translation>
    </message>
    <message>
        <source>Dispatch board</source>
        <translation>调度</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Same as yesterday</source>
        <translation>同昨日</translation>
    </message>
    <message>
        <source>Report the current line with yesterday&apos;s numbers and checks (Ctrl+D)</source>
        <translation>本行按昨日的数字和检查项填报（Ctrl+D）</translation>
    </message>
    <message>
        <source>Anomaly → request…</source>
        <translation>异常转诉求…</translation>
    </message>
    <message>
        <source>Record the current line&apos;s anomaly or need as a request (诉求)</source>
        <translation>把本行的异常情况或需求登记为诉求</translation>
    </message>
    <message>
        <source>Save lines</source>
        <translation>保存各行</translation>
    </message>
    <message>
        <source>Save every line typed and not yet saved (Ctrl+S)</source>
        <translation>保存所有已填写未保存的行（Ctrl+S）</translation>
    </message>
    <message>
        <source>Town/street</source>
        <translation>镇街</translation>
    </message>
    <message>
        <source>daily report entry</source>
        <translation>日报填报</translation>
    </message>
    <message>
        <source>{name} (not in use)</source>
        <translation>{name}（未启用）</translation>
    </message>
    <message>
        <source>View templates…</source>
        <translation>查看模板…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>{name} is not reported on {date}: the day is outside its reporting period.</source>
        <translation>{date} 不需要填报{name}：该日不在填报期内。</translation>
    </message>
    <message>
        <source>None of your enterprises is asked to report {name}.</source>
        <translation>您负责的企业都不需要填报{name}。</translation>
    </message>
    <message>
        <source>No enterprise is asked to report {name}.</source>
        <translation>没有企业需要填报{name}。</translation>
    </message>
    <message>
        <source>This template is not in use; the service centre starts it under Templates….</source>
        <translation>该模板未启用，由服务中心在“模板…”中启用。</translation>
    </message>
    <message>
        <source>{done} of {n} reported</source>
        <translation>已报 {done} / {n}</translation>
    </message>
    <message>
        <source>Type into a cell; Tab or Enter moves on, and a line is saved when you leave it. Checks: 是/否 or 1/0.</source>
        <translation>在格内直接输入，回车或跳格键到下一格，离开一行即保存该行。检查项填“是/否”或 1/0。</translation>
    </message>
    <message>
        <source>{name} is not in use: lines can still be entered, but nobody is reminded.</source>
        <translation>{name}未启用：仍可填报，但不会提醒。</translation>
    </message>
    <message>
        <source>Unsaved lines are kept for: {days}.</source>
        <translation>以下日期有未保存的行：{days}。</translation>
    </message>
    <message>
        <source>Saved {name}.</source>
        <translation>已保存{name}。</translation>
    </message>
    <message>
        <source>A line of an earlier screen was not saved: {problem} It is kept; open its day again to finish it.</source>
        <translation>之前页面中有一行未保存：{problem} 已为您保留，回到该日即可继续填写。</translation>
    </message>
    <message>
        <source>{name} was not saved: {problem}</source>
        <translation>{name}未保存：{problem}</translation>
    </message>
    <message>
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <source>{name}: {problems}

Save the line as it is?</source>
        <translation>{name}：{problems}

按现在的内容保存吗？</translation>
    </message>
    <message>
        <source>Choose a line first.</source>
        <translation>请先选中一行。</translation>
    </message>
    <message>
        <source>{name} reported nothing yesterday, so there is nothing to copy.</source>
        <translation>{name}昨日未报，无可复制。</translation>
    </message>
    <message>
        <source>Save the line of {name} first; the request is made from what was reported.</source>
        <translation>请先保存{name}这一行，诉求按已填报的内容登记。</translation>
    </message>
    <message>
        <source>A request was already made from this report.</source>
        <translation>该日报已转为诉求。</translation>
    </message>
    <message>
        <source>A request of {name} was recorded; it is on the requests page.</source>
        <translation>已登记{name}的诉求，可在诉求页查看。</translation>
    </message>
    <message>
        <source>These typed lines belong to a daily report template that is no longer on this computer, so they cannot be shown. They are offered at every start until you discard them there.</source>
        <translation>这些未保存的填报行所属的日报模板已不在本机，无法显示。每次启动时都会再次提示，直到您在提示中丢弃它们。</translation>
    </message>
    <message>
        <source>{names} and {n} more</source>
        <translation>{names}及另外 {n} 家</translation>
    </message>
    <message>
        <source>{template} {date}: {enterprises}</source>
        <translation>{template} {date}：{enterprises}</translation>
    </message>
    <message>
        <source>Correct the cells marked in red first, or empty them.</source>
        <translation>请先改正标红的单元格，或将其清空。</translation>
    </message>
    <message>
        <source>Save the day&apos;s summary</source>
        <translation>保存当日汇总表</translation>
    </message>
    <message>
        <source>Export the day&apos;s summary</source>
        <translation>导出当日汇总表</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>{n} reports imported.</source>
        <translation>已导入 {n} 份日报。</translation>
    </message>
</context>
<context>
    <name>RequestFromReportDialog</name>
    <message>
        <source>Record a request from the report</source>
        <extracomment>What other screens&apos; changes make this page read again. The entry grid&apos;s column widths (pixels): natural, and the least they give back to fit. The last column (what is wrong with a line) stretches, from at least this. The entry grid with its lines&apos; states (tab ENTRY) or the board (tab BOARD); None without a template.</extracomment>
        <translation>由日报登记诉求</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>What the enterprise needs</source>
        <translation>企业诉求内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Record request</source>
        <translation>登记诉求</translation>
    </message>
</context>
</TS>
