import Foundation
import Watchfloor

extension GiftPoliticsModel {
    /// The weekly pass over every family: feelings, private grievance, public expression and
    /// punishment, neighbourhood by neighbourhood. Expression is decided synchronously from last
    /// week's visible discontent, as in Epstein's model.
    mutating func updateFeelingsAndExpression(week w: Int, into records: inout [ProvinceWeek]) {
        let f = scenario.family
        let control = scenario.control
        let shifts = scenario.shifts
        let griefKeep = Float(pow(0.5, 1 / f.griefHalfLifeWeeks))
        let griefFloor = Float(f.griefFloor)
        let reliefKeep = Float(1 - f.reliefDecay)
        let memoryKeep = Float(f.supportMemory)
        let neglected = Float(f.neglectedLegitimacy)
        let decay = Float(f.legitimacyDecay)
        let honourGain = Float(f.honourLegitimacy)
        let griefWeight = Float(f.griefWeight)
        let programmeWeight = Float(f.programmeWeight)
        let programmeNews = Float(f.programmeNews)
        let resentmentLevel = Float(f.resentmentLevel)
        let cascade = Float(control.cascade)
        let k = Float(control.k)
        let rule = control.arrestRule
        let interval = scenario.budget.giftIntervalWeeks
        let bereavedStatus = FamilyTable.Status.bereaved.rawValue
        var speakers: [Int] = []
        speakers.reserveCapacity(scenario.neighbourhoodSize)

        for (p, province) in Scenario.provinceOrder.enumerated() {
            var record = records[p]
            let intensity = shifts.multiplier(.crackdown, week: w, province: province)
            record.controlIntensity = intensity
            let controlCost = Float(control.legitimacyCost * max(0, intensity - 1))
            let penalty = Float(pow(intensity, control.penaltyExponent))
            let longestSilence = max(1, Int((Double(control.maxSilencedWeeks) * Double(penalty)).rounded()))
            let honour = record.honours > 0
            let programme = neglected + (Float(provinceLegitimacy[p]) - neglected) * programmeReliability[p]
            let agentsPerFamily = control.agentsPer100 / 100 * provinceControl[p] * intensity
            var sumGrievance = 0.0
            var sumLegitimacy = 0.0
            var sumFear = 0.0

            for n in layout.provinceNeighbourhoods[p] {
                let range = layout.neighbourhoods[n]
                let agents = agentsPerFamily * Double(range.count)
                let visible = Float(visibleDiscontent[n])
                let deterrence = rule.probability(agents: Float(agents), discontented: 1 + visible, k: k) * penalty
                let loweredThreshold = 1 - cascade * visible / Float(range.count)
                speakers.removeAll(keepingCapacity: true)

                for i in range {
                    var legitimacy = families.legitimacy[i]
                    let h: Float
                    let bereaved = families.status[i] == bereavedStatus
                    if bereaved {
                        let grief = griefFloor + (families.grief[i] - griefFloor) * griefKeep
                        families.grief[i] = grief
                        let relief = families.relief[i] * reliefKeep
                        families.relief[i] = relief
                        let memory = families.supportMemory[i] * memoryKeep
                        families.supportMemory[i] = memory
                        if w - Int(families.lastSupportWeek[i]) >= interval {
                            legitimacy += decay * (neglected - legitimacy)
                            record.overdue += 1
                        }
                        if honour {
                            legitimacy += honourGain / (1 + memory) * max(0, families.baseLegitimacy[i] - legitimacy)
                        }
                        legitimacy = max(0, legitimacy - controlCost)
                        families.legitimacy[i] = legitimacy
                        legitimacy += programmeWeight * (programme - legitimacy)
                        let hardship = min(1, max(0, families.hardship[i] - relief))
                        h = griefWeight * grief + (1 - griefWeight) * hardship
                    } else {
                        h = (1 - griefWeight) * families.hardship[i]
                    }
                    let grievance = h * (1 - legitimacy)
                    families.grievance[i] = grievance
                    let fear = families.riskAversion[i] * deterrence

                    var speaks = false
                    if families.silencedWeeks[i] > 0 {
                        families.silencedWeeks[i] -= 1
                        if bereaved { record.silenced += 1 }
                    } else {
                        speaks = grievance - fear > families.threshold[i] * loweredThreshold
                    }
                    if speaks { speakers.append(i) }
                    if bereaved {
                        let resentful = grievance > resentmentLevel
                        if resentful { record.resentful += 1 }
                        if speaks { record.discontent += 1 } else if resentful { record.falsifying += 1 }
                        sumGrievance += Double(grievance)
                        sumLegitimacy += Double(legitimacy)
                        sumFear += Double(fear)
                    }
                }

                // The agents can punish only so many: each speaker is taken with probability
                // capacity / speakers (1 when they outnumber the speakers).
                record.discontentAll += speakers.count
                let take = speakers.isEmpty ? 0 : min(1, agents * control.arrestsPerAgent / Double(speakers.count))
                for i in speakers where random.nextDouble() < take {
                    families.silencedWeeks[i] = UInt16(min(Int(UInt16.max), random.integer(in: 1...longestSilence)))
                    record.punished += 1
                }
                // Neighbours saw everyone who spoke out, the punished included.
                visibleDiscontent[n] = Int32(speakers.count)
            }
            // Gifts due this week are those given and those overdue; with none due, no news.
            let due = record.gifts + record.overdue
            if due > 0 {
                let delivered = Float(record.gifts) / Float(due)
                programmeReliability[p] += programmeNews * (delivered - programmeReliability[p])
            }
            if record.bereaved > 0 {
                let count = Double(record.bereaved)
                record.meanGrievance = sumGrievance / count
                record.meanLegitimacy = sumLegitimacy / count
                record.meanFear = sumFear / count
            }
            records[p] = record
        }
    }
}
