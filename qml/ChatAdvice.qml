pragma Singleton
import QtQuick
import Ponder

// What to do about a failed answer, by what went wrong (ChatFailure): the same words under the answer,
// in the progress panel and when a chat is reopened.
QtObject {
    function advice(kind) {
        switch (kind) {
        case ChatFailure.ModelNotFound:
            return qsTr("The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).")
        case ChatFailure.RateLimited:
            return qsTr("The model server is rate limiting Ponder and asked it to wait.")
        case ChatFailure.Unreachable:
            return qsTr("The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.")
        case ChatFailure.Timeout:
            return qsTr("The model server went silent. It may still be loading the model: try again.")
        case ChatFailure.CutOff:
            return qsTr("The answer broke off before it was done. Retry to get it whole.")
        case ChatFailure.Rejected:
            return qsTr("The model server refused Ponder's API key. Check the key in Settings.")
        case ChatFailure.Busy:
            return qsTr("Ponder is already running as many answers as it allows. Try again in a moment.")
        case ChatFailure.Invalid:
            return qsTr("The model server refused the request.")
        default:
            return qsTr("The model server reported an error.")
        }
    }
}
