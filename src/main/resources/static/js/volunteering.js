// Check-in (签到): the one tap on the button asks the browser for the position (the location
// prompt is the second tap), fills the hidden fields and submits. Without a position the form is
// submitted anyway, and the server says why it cannot accept it.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('check-in-form');
  if (!form) {
    return;
  }
  form.addEventListener('submit', function (event) {
    if (form.dataset.located === 'true' || !navigator.geolocation) {
      return;
    }
    event.preventDefault();
    var button = document.getElementById('check-in');
    var locating = document.getElementById('locating');
    button.disabled = true;
    locating.hidden = false;
    var send = function () {
      form.dataset.located = 'true';
      button.disabled = false;
      form.submit();
    };
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById('lat').value = position.coords.latitude;
      document.getElementById('lng').value = position.coords.longitude;
      document.getElementById('accuracy').value = position.coords.accuracy;
      send();
    }, send, { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 });
  });
});

// 补报时长: choosing the activity fills in its day and start, so a phone user only types the hours
// and what was done (both stay editable).
document.addEventListener('DOMContentLoaded', function () {
  var activity = document.getElementById('activityId');
  var date = document.getElementById('date');
  var start = document.getElementById('startsAt');
  if (!activity || !date || !start) {
    return;
  }
  activity.addEventListener('change', function () {
    var chosen = activity.options[activity.selectedIndex];
    if (chosen && chosen.dataset.date) {
      date.value = chosen.dataset.date;
      start.value = chosen.dataset.time;
    }
  });
});
