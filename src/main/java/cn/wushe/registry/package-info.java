/**
 * The registry of people in need (摸底建册): residents, households, categories such as 低保 or
 * 特困, the family members who owe support, contacts and the history of every change, with
 * sensitive fields encrypted and masked by default (design §4).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry 摸底建册",
        allowedDependencies = { "platform", "platform :: *", "audit", "region", "documents", "attachments", "identity", "units", "notifications" })
@org.jspecify.annotations.NullMarked
package cn.wushe.registry;
