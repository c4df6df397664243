<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyTrendView</name>
    <message>
        <source>Last {n} days</source>
        <translation>近 {n} 天</translation>
    </message>
    <message>
        <source>Trend of</source>
        <translation>趋势范围</translation>
    </message>
    <message>
        <source>The whole county</source>
        <translation>全县</translation>
    </message>
    <message>
        <source>People on site</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Average capacity %</source>
        <translation>平均产能 %</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>{scope}: {start} to {end}</source>
        <translation>{scope}：{start} 至 {end}</translation>
    </message>
    <message>
        <source>No reports in this period.</source>
        <translation>这段时间没有日报。</translation>
    </message>
    <message>
        <source>{days} days with reports, {n} reports.</source>
        <translation>有日报的天数 {days} 天，共 {n} 份。</translation>
    </message>
</context>
</TS>
