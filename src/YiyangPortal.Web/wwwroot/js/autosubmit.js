// Filters that apply as soon as a choice is made: a select inside <form data-autosubmit> submits its form.
// The form keeps its visible 查询 button for keyboards and browsers without JavaScript. (The CSP forbids onchange=.)
document.addEventListener('change', (event) => {
    const field = event.target;
    if (field instanceof HTMLSelectElement && field.form && field.form.hasAttribute('data-autosubmit')) {
        field.form.requestSubmit();
    }
});
