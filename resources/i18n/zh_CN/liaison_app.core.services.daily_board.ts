<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DailyBoard</name>
    <message>
        <source>Total</source>
        <extracomment>An enterprise this many days or more without a report is listed on its own. reported | late | missing Consecutive days up to the board&apos;s day without a report (0 when reported). People on site of the enterprises that reported both days: today and the day before. Comparing only those makes the change mean people, not who has reported yet. Enterprises with anomalies first, then those that have not reported, then the rest. Enterprises that have not reported for ``LONG_MISSING_DAYS`` days or more.</extracomment>
        <translation>合计</translation>
    </message>
    <message>
        <source>(no town)</source>
        <translation>（未填镇街）</translation>
    </message>
    <message>
        <source>(no officer assigned)</source>
        <translation>（未分配联络员）</translation>
    </message>
    <message>
        <source>Town/street</source>
        <extracomment>The average capacity of the reports that gave one.</extracomment>
        <translation>镇街</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>联络员</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应报</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已报</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未报</translation>
    </message>
    <message>
        <source>Reporting rate</source>
        <translation>报送率</translation>
    </message>
    <message>
        <source>People on site</source>
        <translation>在岗人数</translation>
    </message>
    <message>
        <source>Change since the day before (reported both days)</source>
        <translation>较前一日增减（两日均报）</translation>
    </message>
    <message>
        <source>Enterprises with anomalies</source>
        <translation>异常企业数</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Capacity %</source>
        <translation>产能%</translation>
    </message>
    <message>
        <source>Anomalies</source>
        <translation>异常数</translation>
    </message>
    <message>
        <source>Days without a report</source>
        <translation>连续未报天数</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>异常情况及需求</translation>
    </message>
    <message>
        <source>Reported late</source>
        <translation>迟报</translation>
    </message>
    <message>
        <source>Not reported</source>
        <translation>未报</translation>
    </message>
</context>
</TS>
