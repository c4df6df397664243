<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyReports</name>
    <message>
        <source>{date} has not come yet: a day is reported on the day or later.</source>
        <extracomment>The report already entered for the day, if any. The fields of the version the line is entered against: the saved report&apos;s own, or the day&apos;s. The values reported the day before (for &quot;same as yesterday&quot;). The version that applies on ``day`` (None: the template has none yet).</extracomment>
        <translation>{date} 还没到：日报只能当天或事后填报。</translation>
    </message>
    <message>
        <source>The enterprise no longer exists.</source>
        <translation>该企业已不存在。</translation>
    </message>
    <message>
        <source>{name} is not reported on {date}: the day is outside its reporting period.</source>
        <translation>{date} 不需要填报{name}：该日不在填报期内。</translation>
    </message>
    <message>
        <source>Your account can read reports but not enter them.</source>
        <translation>您的账号只能查看日报，不能填报。</translation>
    </message>
    <message>
        <source>Nothing was reported the day before, so there is nothing to copy.</source>
        <translation>前一天没有填报，无可复制。</translation>
    </message>
    <message>
        <source>This template does not apply on that day.</source>
        <translation>该模板在这一天不适用。</translation>
    </message>
    <message>
        <source>This report no longer exists.</source>
        <translation>该日报已不存在。</translation>
    </message>
    <message>
        <source>Choose the request&apos;s category, urgency and how it came in.</source>
        <translation>请选择诉求的类别、紧急程度和来源。</translation>
    </message>
    <message>
        <source>A request was already made from this report; open it on the requests page.</source>
        <translation>该日报已转为诉求，请到诉求页查看。</translation>
    </message>
</context>
</TS>
